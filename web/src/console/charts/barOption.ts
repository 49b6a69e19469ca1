// Option for a simple labelled bar chart (category → count).
import type { EChartsCoreOption } from 'echarts/core';

export function barOption(labels: string[], values: number[], colour = '#1d6fd8'): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 28, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 96, overflow: 'break', lineHeight: 16 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: values, itemStyle: { color: colour }, barMaxWidth: 48, label: { show: true, position: 'top' } }],
  };
}
