import { describe, expect, it } from 'vitest';
import { brandProperties, darken, logoSource } from '../../../../course/player/logic/branding.ts';

describe('brandProperties', () => {
  it('sets nothing without colours, so the NHS defaults in tokens.css stay', () => {
    expect(brandProperties(undefined)).toEqual({});
    expect(brandProperties({ logo: { file: 'branding/logo.svg', alt: 'Trust' } })).toEqual({});
  });

  it('sets the header band, and the accent for links and buttons with darker hover and pressed shades', () => {
    expect(brandProperties({ colours: { header: '#330072', accent: '#005EB8' } })).toEqual({
      '--header': '#330072',
      '--accent': '#005EB8',
      '--button': '#005EB8',
      '--button-hover': darken('#005EB8', 0.2),
      '--button-shadow': darken('#005EB8', 0.5),
    });
  });

  it('never touches the focus colours', () => {
    const names = Object.keys(brandProperties({ colours: { header: '#330072', accent: '#006747' } }));
    expect(names.some((name) => name.startsWith('--focus'))).toBe(false);
  });

  it('refuses anything but a six-digit hex colour, so config.js cannot slip CSS into the page', () => {
    expect(brandProperties({ colours: { header: 'red; background: url(https://x)', accent: '#12345' } })).toEqual({});
    expect(brandProperties({ colours: { header: '#330072', accent: 'var(--focus)' } })).toEqual({ '--header': '#330072' });
  });
});

describe('darken', () => {
  it('moves each channel towards black by the share given', () => {
    expect(darken('#ffffff', 0.5)).toBe('#808080');
    expect(darken('#005eb8', 0)).toBe('#005eb8');
    expect(darken('#005EB8', 1)).toBe('#000000');
    expect(darken('#005eb8', 0.2)).toBe('#004b93');
  });
});

describe('logoSource', () => {
  it('gives a package path relative to index.html', () => {
    expect(logoSource({ logo: { file: 'branding/logo.svg', alt: 'Trust' } })).toBe('./branding/logo.svg');
    expect(logoSource({ logo: { file: 'branding/logo.PNG', alt: 'Trust' } })).toBe('./branding/logo.PNG');
  });

  it('refuses outside addresses, parent folders and other file types (nothing may be fetched from elsewhere)', () => {
    for (const file of ['https://cdn.example.org/logo.svg', '//cdn.example.org/logo.svg', '/logo.svg', 'branding/../../logo.svg', 'branding/logo.gif', 'data:image/svg+xml,<svg/>', 'javascript:alert(1).svg']) {
      expect(logoSource({ logo: { file, alt: 'Trust' } }), file).toBeNull();
    }
    expect(logoSource(undefined)).toBeNull();
  });
});
