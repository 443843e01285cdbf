import { describe, expect, it } from 'vitest';
import { buildStanceCard } from '../../../src/party/stance/card.js';
import type { CitedStanceItem } from '../../../src/party/stance/model.js';

function item(kind: CitedStanceItem['kind'], date: string, line: string): CitedStanceItem {
  return { kind, date, line, actor: 'Kyiv', briefingId: `b-${date}`, title: 'T', section: 'What happened' };
}

describe('buildStanceCard', () => {
  it('groups items by category, newest first', () => {
    const card = buildStanceCard([
      item('says', '2026-01-01', 'Kyiv said talks were useful.'),
      item('says', '2026-01-03', 'Kyiv said talks would resume.'),
      item('wants', '2026-01-02', 'Kyiv demanded air defence.'),
    ]);
    expect(card.says.map((entry) => entry.date)).toEqual(['2026-01-03', '2026-01-01']);
    expect(card.wants).toHaveLength(1);
    expect(card.refuses).toEqual([]);
  });

  it('marks the newest item that turns an older one on the same topic around', () => {
    const card = buildStanceCard([
      item('refuses', '2026-01-01', 'Kyiv rejected the energy truce proposal.'),
      item('agreed', '2026-01-05', 'Kyiv accepted the energy truce after talks.'),
      item('agreed', '2026-01-07', 'Kyiv accepted the energy truce monitors.'),
      item('agreed', '2026-01-06', 'Kyiv signed a grain memorandum.'),
    ]);
    expect(card.agreed.map((entry) => [entry.date, entry.change ?? false])).toEqual([
      ['2026-01-07', true],
      ['2026-01-06', false],
      ['2026-01-05', false],
    ]);
    expect(card.refuses[0]?.change).toBeUndefined();
  });

  it('marks a refusal of what was wanted, by a shared counterpart', () => {
    const card = buildStanceCard([
      item('wants', '2026-01-01', 'Kyiv asked Poland for more tanks.'),
      item('refuses', '2026-01-09', 'Kyiv turned down an offer from Poland.'),
    ]);
    expect(card.refuses[0]?.change).toBe(true);
  });
});
