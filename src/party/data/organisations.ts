/**
 * The international organisations and blocs every registry knows, with their usual short forms. No data
 * package covers them, so they live here; briefings/parties.yml may extend or override any of them.
 */
import type { PartyKind } from '../model.js';

export interface OrganisationEntry {
  name: string;
  kind: Extract<PartyKind, 'organisation' | 'bloc'>;
  aliases: string[];
}

export const ORGANISATIONS: readonly OrganisationEntry[] = [
  { name: 'United Nations', kind: 'organisation', aliases: ['UN', 'U.N.'] },
  { name: 'UN Security Council', kind: 'organisation', aliases: ['United Nations Security Council', 'UNSC'] },
  { name: 'UN General Assembly', kind: 'organisation', aliases: ['United Nations General Assembly', 'UNGA'] },
  {
    name: 'NATO',
    kind: 'organisation',
    aliases: ['North Atlantic Treaty Organization', 'North Atlantic Alliance'],
  },
  { name: 'European Union', kind: 'bloc', aliases: ['EU', 'E.U.'] },
  { name: 'European Commission', kind: 'organisation', aliases: [] },
  { name: 'European Parliament', kind: 'organisation', aliases: [] },
  { name: 'European Council', kind: 'organisation', aliases: [] },
  { name: 'European Central Bank', kind: 'organisation', aliases: ['ECB'] },
  { name: 'African Union', kind: 'bloc', aliases: ['AU'] },
  { name: 'ASEAN', kind: 'bloc', aliases: ['Association of Southeast Asian Nations'] },
  { name: 'G7', kind: 'bloc', aliases: ['G-7', 'Group of Seven'] },
  { name: 'G20', kind: 'bloc', aliases: ['G-20', 'Group of Twenty'] },
  { name: 'BRICS', kind: 'bloc', aliases: [] },
  {
    name: 'OPEC',
    kind: 'organisation',
    aliases: ['Organization of the Petroleum Exporting Countries', 'OPEC+'],
  },
  { name: 'World Health Organization', kind: 'organisation', aliases: ['WHO', 'World Health Organisation'] },
  { name: 'International Monetary Fund', kind: 'organisation', aliases: ['IMF'] },
  { name: 'World Bank', kind: 'organisation', aliases: [] },
  { name: 'World Trade Organization', kind: 'organisation', aliases: ['WTO', 'World Trade Organisation'] },
  { name: 'International Atomic Energy Agency', kind: 'organisation', aliases: ['IAEA'] },
  { name: 'International Criminal Court', kind: 'organisation', aliases: ['ICC'] },
  { name: 'International Court of Justice', kind: 'organisation', aliases: ['ICJ', 'World Court'] },
  {
    name: 'OSCE',
    kind: 'organisation',
    aliases: [
      'Organization for Security and Co-operation in Europe',
      'Organization for Security and Cooperation in Europe',
    ],
  },
  { name: 'Council of Europe', kind: 'organisation', aliases: [] },
  { name: 'Arab League', kind: 'bloc', aliases: ['League of Arab States'] },
  { name: 'Gulf Cooperation Council', kind: 'bloc', aliases: ['GCC', 'Gulf Co-operation Council'] },
  {
    name: 'Shanghai Cooperation Organisation',
    kind: 'bloc',
    aliases: ['SCO', 'Shanghai Cooperation Organization'],
  },
  { name: 'OECD', kind: 'organisation', aliases: ['Organisation for Economic Co-operation and Development'] },
  {
    name: 'Organization of American States',
    kind: 'organisation',
    aliases: ['OAS', 'Organisation of American States'],
  },
  { name: 'ECOWAS', kind: 'bloc', aliases: ['Economic Community of West African States'] },
  { name: 'Mercosur', kind: 'bloc', aliases: ['Mercosul'] },
  { name: 'Commonwealth of Nations', kind: 'bloc', aliases: [] },
  { name: 'CSTO', kind: 'bloc', aliases: ['Collective Security Treaty Organization'] },
  { name: 'AUKUS', kind: 'bloc', aliases: [] },
  { name: 'International Committee of the Red Cross', kind: 'organisation', aliases: ['ICRC', 'Red Cross'] },
  { name: 'UNHCR', kind: 'organisation', aliases: ['UN Refugee Agency', 'UN refugee agency'] },
  { name: 'UNICEF', kind: 'organisation', aliases: [] },
  { name: 'UNRWA', kind: 'organisation', aliases: [] },
  { name: 'Interpol', kind: 'organisation', aliases: [] },
  { name: 'Hamas', kind: 'organisation', aliases: [] },
  { name: 'Hezbollah', kind: 'organisation', aliases: ['Hizbollah'] },
  { name: 'Houthis', kind: 'organisation', aliases: ['Houthi', 'Ansar Allah'] },
  { name: 'Taliban', kind: 'organisation', aliases: [] },
  { name: 'Islamic State', kind: 'organisation', aliases: ['ISIS', 'ISIL', 'Daesh'] },
];
