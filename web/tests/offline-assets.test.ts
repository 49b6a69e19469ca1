// The build strips remote font sources (Vant's CDN fallback) from stylesheets.
import { describe, expect, it } from 'vitest';
import { stripRemoteCss } from '../build/offline-assets.ts';

describe('stripRemoteCss', () => {
  it('drops a CDN fallback after an inline font', () => {
    const css = '@font-face{font-family:x;src:url(data:font/woff2;base64,AAAA) format("woff2"),url(//at.example.com/f.woff?t=1) format("woff")}';
    expect(stripRemoteCss(css)).toBe('@font-face{font-family:x;src:url(data:font/woff2;base64,AAAA) format("woff2")}');
  });

  it('drops https sources too and leaves local ones', () => {
    const css = 'src:url(/assets/a.woff2) format("woff2"), url("https://cdn.example.com/a.woff") format("woff");';
    expect(stripRemoteCss(css)).toBe('src:url(/assets/a.woff2) format("woff2");');
  });

  it('leaves stylesheets without remote sources alone', () => {
    const css = '.a{background:url(data:image/svg+xml;base64,AA==)}';
    expect(stripRemoteCss(css)).toBe(css);
  });
});
