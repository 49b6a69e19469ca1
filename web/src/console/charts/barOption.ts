// Option for a simple labelled bar chart (category → count).
import type { EChartsCoreOption } from 'echarts/core';

export function barOption(labels: string[], values: number[], colour = '#1d6fd8'): EChartsCoreOption {
  return {
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: values, itemStyle: { color: colour }, barMaxWidth: 48, label: { show: true, position: 'top' } }],
  };
}
