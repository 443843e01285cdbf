import { describe, expect, it } from 'vitest';
import { checkModalLimits, MODAL_LIMITS } from '../../tools/fake-discord/limits.js';
import { modalSubmission } from '../../tools/fake-discord/modals.js';

const input = (customId: string, extra: Record<string, unknown> = {}) => ({
  type: 4,
  custom_id: customId,
  style: 2,
  ...extra,
});
const row = (...components: unknown[]) => ({ type: 1, components });
const label = (text: string, component: unknown, description?: string) => ({
  type: 18,
  label: text,
  ...(description === undefined ? {} : { description }),
  component,
});

describe('checkModalLimits', () => {
  it('passes a modal at every limit exactly', () => {
    const max = MODAL_LIMITS.textInputLength;
    expect(
      checkModalLimits({
        custom_id: 'c'.repeat(100),
        title: 't'.repeat(45),
        components: [
          row(
            input('a'.repeat(100), {
              label: 'L'.repeat(45),
              min_length: 0,
              max_length: max,
              value: 'v'.repeat(max),
              placeholder: 'p'.repeat(100),
              required: false,
            }),
          ),
          label('L'.repeat(45), input('b', { min_length: max, max_length: max }), 'd'.repeat(100)),
          { type: 10, content: 'Read this first.' },
          label('Short', input('c', { style: 1 })),
          label('Last', input('d')),
        ],
      }),
    ).toEqual([]);
  });

  it('names each broken modal limit', () => {
    expect(
      checkModalLimits({
        custom_id: '',
        title: 't'.repeat(46),
        components: [
          row(input('a'), input('b')),
          row(input('c', { label: 'C', style: 3, min_length: 10, max_length: 5, value: 'v'.repeat(6) })),
          label('L'.repeat(46), input('d', { label: 'Own label' }), 'd'.repeat(101)),
          label('Pick', { type: 3, custom_id: 'pick', options: [] }),
          row(input('c', { label: 'Again' })),
          { type: 2, custom_id: 'button' },
        ],
      }),
    ).toEqual([
      'modal custom_id is empty',
      'modal title is 46 characters (limit 45)',
      'modal has 6 components (1–5)',
      "modal component 1 is an action row holding 2 components (a modal's holds one text input)",
      'modal component 2 text input style is 3 (1 short or 2 paragraph)',
      'modal component 2 text input min_length 10 is above max_length 5',
      'modal component 2 text input value is 6 characters (its max_length is 5)',
      'modal component 3 label is 46 characters (limit 45)',
      'modal component 3 description is 101 characters (limit 100)',
      'modal component 3 text input has a label of its own inside a label component',
      'modal component 4 is a label holding component type 3 (the fake models text inputs only)',
      'custom_id "c" is used twice in one modal',
      'modal component 6 has type 2 (a modal holds action rows, labels and text displays)',
    ]);
  });

  it('wants a label on a text input in an action row, and lengths within 0–4000', () => {
    expect(
      checkModalLimits({
        custom_id: 'm',
        title: 'Modal',
        components: [row(input('a', { min_length: -1, max_length: 4001 }))],
      }),
    ).toEqual([
      'modal component 1 text input min_length is -1 (allowed 0–4000)',
      'modal component 1 text input max_length is 4001 (allowed 1–4000)',
      'modal component 1 text input label is missing',
    ]);
    expect(checkModalLimits({ custom_id: 'm', title: 'Modal', components: [] })).toEqual([
      'modal has 0 components (1–5)',
    ]);
  });
});

describe('modalSubmission', () => {
  it('numbers components as Discord does, keeping ids the bot chose', () => {
    const modal = {
      custom_id: 'm',
      title: 'Modal',
      components: [
        { type: 10, content: 'Intro' },
        label('A', input('a', { id: 2 })),
        row(input('b', { label: 'B', value: 'prefilled' })),
      ],
    };
    expect(modalSubmission(modal, { a: 'typed' }, 'modal m')).toEqual({
      custom_id: 'm',
      components: [
        { type: 10, id: 1 },
        { type: 18, id: 3, component: { type: 4, id: 2, custom_id: 'a', value: 'typed' } },
        { type: 1, id: 4, components: [{ type: 4, id: 5, custom_id: 'b', value: 'prefilled' }] },
      ],
    });
  });
});
