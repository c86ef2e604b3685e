import { describe, expect, it } from 'vitest';
import { lessonLink, readStartOptions } from './start-options.ts';

describe('readStartOptions', () => {
  it('reads nothing from a plain address', () => {
    expect(readStartOptions('', '')).toEqual({ lang: null, present: false, lesson: null, step: 0 });
  });

  it('reads the language, presentation mode and a lesson step from the query or the hash', () => {
    expect(readStartOptions('?lang=zh-Hant-HK&present', '')).toEqual({
      lang: 'zh-Hant-HK',
      present: true,
      lesson: null,
      step: 0,
    });
    expect(readStartOptions('', '#present')).toMatchObject({ present: true });
    expect(readStartOptions('?present=0', '')).toMatchObject({ present: false });
    expect(readStartOptions('', '#lesson=haircut&step=3&lang=en')).toEqual({
      lang: 'en',
      present: false,
      lesson: 'haircut',
      step: 2,
    });
  });

  it('counts an invalid step as the first, and leaves state links and anchors alone', () => {
    expect(readStartOptions('', '#lesson=funding&step=zero').step).toBe(0);
    expect(readStartOptions('', '#lesson=funding&step=-2').step).toBe(0);
    expect(readStartOptions('?lang=en', '#v1.jeyJzYyI6IngifQ')).toMatchObject({ lang: 'en', lesson: null });
    expect(readStartOptions('', '#charts-title')).toEqual({
      lang: null,
      present: false,
      lesson: null,
      step: 0,
    });
  });

  it('writes a lesson link that reads back to the same step', () => {
    expect(lessonLink('insurance-fund-adl', 2)).toBe('#lesson=insurance-fund-adl&step=3');
    expect(readStartOptions('', lessonLink('insurance-fund-adl', 2))).toMatchObject({
      lesson: 'insurance-fund-adl',
      step: 2,
    });
  });
});
