import { describe, expect, it } from 'vitest';
import { briefingDefinition } from '../../src/commands/briefing/definition.js';
import { digestDefinition } from '../../src/commands/digest/definition.js';
import { parseLine, usageLines } from '../../src/console/parse-line.js';

const definitions = [briefingDefinition, digestDefinition];

describe('parseLine', () => {
  it('reads a subcommand with a value that holds spaces', () => {
    const parsed = parseLine('/briefing search query:security guarantees', definitions);
    expect(parsed).toMatchObject({ ok: true, input: { command: 'briefing', subcommand: 'search' } });
    if (parsed.ok) expect(parsed.input.options).toEqual({ query: 'security guarantees' });
  });

  it('accepts a section by its label or its key', () => {
    for (const typed of ['why it matters', 'whyItMatters', 'Why-it-matters']) {
      const parsed = parseLine(`/briefing party name:Russia section:${typed}`, definitions);
      expect(parsed.ok && parsed.input.options).toEqual({ name: 'Russia', section: 'whyItMatters' });
    }
  });

  it('turns integers and booleans into their types', () => {
    const list = parseLine('briefing list page:2', definitions);
    expect(list.ok && list.input.options.page).toBe(2);
    const subscribe = parseLine('/digest subscribe channel:here time:08:00 post_when_empty:yes', definitions);
    expect(subscribe.ok && subscribe.input.options).toMatchObject({ time: '08:00', post_when_empty: true });
    expect(subscribe.ok && subscribe.input.channels.channel?.id).toBe('terminal');
  });

  it('says what to type instead of a bad line', () => {
    expect(parseLine('/weather', definitions)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/\/briefing/),
    });
    expect(parseLine('/briefing', definitions)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/latest/),
    });
    expect(parseLine('/briefing party Russia', definitions)).toMatchObject({
      ok: false,
      error: expect.stringContaining('name:Russia'),
    });
    expect(parseLine('/briefing party', definitions)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/name:/),
    });
    expect(parseLine('/briefing list page:two', definitions)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/whole number/),
    });
    expect(parseLine('/briefing latest section:weather', definitions)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/whatHappened/),
    });
    expect(parseLine('/briefing latest colour:red', definitions)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/section/),
    });
  });

  it('lists every subcommand for help', () => {
    const lines = usageLines(definitions);
    expect(lines).toHaveLength(16);
    expect(lines).toContainEqual(expect.stringMatching(/^\/briefing party name:… \[section:…\]/));
  });
});
