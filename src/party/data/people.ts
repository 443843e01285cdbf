/**
 * Heads of state, heads of government and foreign ministers of the G20 members (with the EU's Presidents of
 * the European Council and Commission and its High Representative, and the Chairperson of the African Union
 * Commission), which include the five permanent members of the UN Security Council; and Ukraine's, which
 * the briefings follow closely. Everyone in one of those offices at any time from 2015 on.
 *
 * Source: the public lists of office-holders (Wikipedia's "List of heads of state of …", "List of prime
 * ministers of …", "List of foreign ministers of …" / "Minister of Foreign Affairs (…)" pages, and the
 * governments' own sites), compiled by hand. Checked: 2026-12-02.
 *
 * Not certain: the compiler's knowledge of office-holders ends in late 2025. People appointed in 2025 are
 * included as known then (Argentina's foreign minister Pablo Quirno, France's prime minister Sébastien
 * Lecornu, Japan's prime minister Sanae Takaichi and foreign minister Toshimitsu Motegi, South Korea's
 * president Lee Jae-myung, prime minister Kim Min-seok and foreign minister Cho Hyun, the UK's foreign
 * secretary Yvette Cooper, Ukraine's prime minister Yulia Svyrydenko); anyone who took one of these offices
 * after that is missing, and an office with no `to` may have ended since. Mexico's foreign minister after Juan
 * Ramón de la Fuente is not known here. Governors-general and brief acting holders (days) are left out.
 *
 * Each office names the party it was held for, so a person counts for each (António Costa for Portugal and
 * the European Union). A monarch of several realms counts for each realm of the G20.
 *
 * Names: `aliases` always mean the person (full-name variants; surnames that no other built-in person has
 * and that are no common word or common surname). `laterAliases` are surnames that are too common to stand alone
 * (`Johnson`, `Albanese`, `Abe`): they count only after the person was named in full earlier in the same
 * briefing. Surnames two built-in people share (`Lee`, `Li`, `Kim`, `Wang`, `Fernández`) are in neither.
 * Diacritics need no second spelling: names are compared without them (`Erdogan` finds `Erdoğan`).
 */

export interface Office {
  title: string;
  /** Party id of the country (or the bloc, for EU and AU offices) the office belongs to. */
  party: string;
  from: number;
  /** Absent: in office when the list was checked. */
  to?: number;
}

export interface PersonEntry {
  name: string;
  offices: Office[];
  aliases: string[];
  laterAliases: string[];
}

export const PEOPLE: readonly PersonEntry[] = [
  // Argentina: the president is head of state and of government.
  {
    name: 'Cristina Fernández de Kirchner',
    offices: [{ title: 'President', party: 'argentina', from: 2007, to: 2015 }],
    aliases: ['Cristina Kirchner', 'Cristina Fernández', 'Kirchner'],
    laterAliases: [],
  },
  {
    name: 'Mauricio Macri',
    offices: [{ title: 'President', party: 'argentina', from: 2015, to: 2019 }],
    aliases: ['Macri'],
    laterAliases: [],
  },
  {
    name: 'Alberto Fernández',
    offices: [{ title: 'President', party: 'argentina', from: 2019, to: 2023 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Javier Milei',
    offices: [{ title: 'President', party: 'argentina', from: 2023 }],
    aliases: ['Milei'],
    laterAliases: [],
  },
  {
    name: 'Héctor Timerman',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2010, to: 2015 }],
    aliases: ['Timerman'],
    laterAliases: [],
  },
  {
    name: 'Susana Malcorra',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2015, to: 2017 }],
    aliases: ['Malcorra'],
    laterAliases: [],
  },
  {
    name: 'Jorge Faurie',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2017, to: 2019 }],
    aliases: ['Faurie'],
    laterAliases: [],
  },
  {
    name: 'Felipe Solá',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2019, to: 2021 }],
    aliases: [],
    laterAliases: ['Solá'],
  },
  {
    name: 'Santiago Cafiero',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2021, to: 2023 }],
    aliases: ['Cafiero'],
    laterAliases: [],
  },
  {
    name: 'Diana Mondino',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2023, to: 2024 }],
    aliases: ['Mondino'],
    laterAliases: [],
  },
  {
    name: 'Gerardo Werthein',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2024, to: 2025 }],
    aliases: ['Werthein'],
    laterAliases: [],
  },
  {
    name: 'Pablo Quirno',
    offices: [{ title: 'Foreign Minister', party: 'argentina', from: 2025 }],
    aliases: ['Quirno'],
    laterAliases: [],
  },

  // Australia: the monarch (see the United Kingdom) is head of state.
  {
    name: 'Tony Abbott',
    offices: [{ title: 'Prime Minister', party: 'australia', from: 2013, to: 2015 }],
    aliases: [],
    laterAliases: ['Abbott'],
  },
  {
    name: 'Malcolm Turnbull',
    offices: [{ title: 'Prime Minister', party: 'australia', from: 2015, to: 2018 }],
    aliases: ['Turnbull'],
    laterAliases: [],
  },
  {
    name: 'Scott Morrison',
    offices: [{ title: 'Prime Minister', party: 'australia', from: 2018, to: 2022 }],
    aliases: [],
    laterAliases: ['Morrison'],
  },
  {
    name: 'Anthony Albanese',
    offices: [{ title: 'Prime Minister', party: 'australia', from: 2022 }],
    aliases: [],
    // Francesca Albanese, the UN rapporteur, is in the news as often.
    laterAliases: ['Albanese'],
  },
  {
    name: 'Julie Bishop',
    offices: [{ title: 'Foreign Minister', party: 'australia', from: 2013, to: 2018 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Marise Payne',
    offices: [{ title: 'Foreign Minister', party: 'australia', from: 2018, to: 2022 }],
    aliases: [],
    laterAliases: ['Payne'],
  },
  {
    name: 'Penny Wong',
    offices: [{ title: 'Foreign Minister', party: 'australia', from: 2022 }],
    aliases: [],
    laterAliases: ['Wong'],
  },

  // Brazil: the president is head of state and of government.
  {
    name: 'Dilma Rousseff',
    offices: [{ title: 'President', party: 'brazil', from: 2011, to: 2016 }],
    aliases: ['Rousseff', 'Dilma'],
    laterAliases: [],
  },
  {
    name: 'Michel Temer',
    offices: [{ title: 'President', party: 'brazil', from: 2016, to: 2018 }],
    aliases: ['Temer'],
    laterAliases: [],
  },
  {
    name: 'Jair Bolsonaro',
    offices: [{ title: 'President', party: 'brazil', from: 2019, to: 2022 }],
    aliases: ['Bolsonaro'],
    laterAliases: [],
  },
  {
    name: 'Luiz Inácio Lula da Silva',
    offices: [
      { title: 'President', party: 'brazil', from: 2003, to: 2010 },
      { title: 'President', party: 'brazil', from: 2023 },
    ],
    aliases: ['Lula', 'Lula da Silva'],
    laterAliases: [],
  },
  {
    name: 'Mauro Vieira',
    offices: [
      { title: 'Foreign Minister', party: 'brazil', from: 2015, to: 2016 },
      { title: 'Foreign Minister', party: 'brazil', from: 2023 },
    ],
    aliases: [],
    laterAliases: ['Vieira'],
  },
  {
    name: 'José Serra',
    offices: [{ title: 'Foreign Minister', party: 'brazil', from: 2016, to: 2017 }],
    aliases: [],
    laterAliases: ['Serra'],
  },
  {
    name: 'Aloysio Nunes',
    offices: [{ title: 'Foreign Minister', party: 'brazil', from: 2017, to: 2018 }],
    aliases: ['Aloysio Nunes Ferreira'],
    laterAliases: ['Nunes'],
  },
  {
    name: 'Ernesto Araújo',
    offices: [{ title: 'Foreign Minister', party: 'brazil', from: 2019, to: 2021 }],
    aliases: [],
    laterAliases: ['Araújo'],
  },
  {
    name: 'Carlos França',
    offices: [{ title: 'Foreign Minister', party: 'brazil', from: 2021, to: 2022 }],
    aliases: [],
    laterAliases: [],
  },

  // Canada: the monarch (see the United Kingdom) is head of state.
  {
    name: 'Stephen Harper',
    offices: [{ title: 'Prime Minister', party: 'canada', from: 2006, to: 2015 }],
    aliases: [],
    laterAliases: ['Harper'],
  },
  {
    name: 'Justin Trudeau',
    offices: [{ title: 'Prime Minister', party: 'canada', from: 2015, to: 2025 }],
    aliases: ['Trudeau'],
    laterAliases: [],
  },
  {
    name: 'Mark Carney',
    offices: [{ title: 'Prime Minister', party: 'canada', from: 2025 }],
    aliases: ['Carney'],
    laterAliases: [],
  },
  {
    name: 'Rob Nicholson',
    offices: [{ title: 'Foreign Minister', party: 'canada', from: 2015, to: 2015 }],
    aliases: [],
    laterAliases: ['Nicholson'],
  },
  {
    name: 'Stéphane Dion',
    offices: [{ title: 'Foreign Minister', party: 'canada', from: 2015, to: 2017 }],
    aliases: [],
    laterAliases: ['Dion'],
  },
  {
    name: 'Chrystia Freeland',
    offices: [{ title: 'Foreign Minister', party: 'canada', from: 2017, to: 2019 }],
    aliases: ['Freeland'],
    laterAliases: [],
  },
  {
    name: 'François-Philippe Champagne',
    offices: [{ title: 'Foreign Minister', party: 'canada', from: 2019, to: 2021 }],
    aliases: [],
    laterAliases: ['Champagne'],
  },
  {
    name: 'Marc Garneau',
    offices: [{ title: 'Foreign Minister', party: 'canada', from: 2021, to: 2021 }],
    aliases: [],
    laterAliases: ['Garneau'],
  },
  {
    name: 'Mélanie Joly',
    offices: [{ title: 'Foreign Minister', party: 'canada', from: 2021, to: 2025 }],
    aliases: ['Joly'],
    laterAliases: [],
  },
  {
    name: 'Anita Anand',
    offices: [{ title: 'Foreign Minister', party: 'canada', from: 2025 }],
    aliases: [],
    laterAliases: ['Anand'],
  },

  // China: the president is head of state, the premier head of government.
  {
    name: 'Xi Jinping',
    offices: [{ title: 'President', party: 'china', from: 2013 }],
    aliases: ['Xi'],
    laterAliases: [],
  },
  {
    name: 'Li Keqiang',
    offices: [{ title: 'Premier', party: 'china', from: 2013, to: 2023 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Li Qiang',
    offices: [{ title: 'Premier', party: 'china', from: 2023 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Wang Yi',
    offices: [
      { title: 'Foreign Minister', party: 'china', from: 2013, to: 2022 },
      { title: 'Foreign Minister', party: 'china', from: 2023 },
    ],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Qin Gang',
    offices: [{ title: 'Foreign Minister', party: 'china', from: 2022, to: 2023 }],
    aliases: [],
    laterAliases: ['Qin'],
  },

  // France
  {
    name: 'François Hollande',
    offices: [{ title: 'President', party: 'france', from: 2012, to: 2017 }],
    aliases: ['Hollande'],
    laterAliases: [],
  },
  {
    name: 'Emmanuel Macron',
    offices: [{ title: 'President', party: 'france', from: 2017 }],
    aliases: ['Macron'],
    laterAliases: [],
  },
  {
    name: 'Manuel Valls',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2014, to: 2016 }],
    aliases: ['Valls'],
    laterAliases: [],
  },
  {
    name: 'Bernard Cazeneuve',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2016, to: 2017 }],
    aliases: ['Cazeneuve'],
    laterAliases: [],
  },
  {
    name: 'Édouard Philippe',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2017, to: 2020 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Jean Castex',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2020, to: 2022 }],
    aliases: ['Castex'],
    laterAliases: [],
  },
  {
    name: 'Élisabeth Borne',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2022, to: 2024 }],
    aliases: [],
    laterAliases: ['Borne'],
  },
  {
    name: 'Gabriel Attal',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2024, to: 2024 }],
    aliases: ['Attal'],
    laterAliases: [],
  },
  {
    name: 'Michel Barnier',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2024, to: 2024 }],
    aliases: ['Barnier'],
    laterAliases: [],
  },
  {
    name: 'François Bayrou',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2024, to: 2025 }],
    aliases: ['Bayrou'],
    laterAliases: [],
  },
  {
    name: 'Sébastien Lecornu',
    offices: [{ title: 'Prime Minister', party: 'france', from: 2025 }],
    aliases: ['Lecornu'],
    laterAliases: [],
  },
  {
    name: 'Laurent Fabius',
    offices: [{ title: 'Foreign Minister', party: 'france', from: 2012, to: 2016 }],
    aliases: ['Fabius'],
    laterAliases: [],
  },
  {
    name: 'Jean-Marc Ayrault',
    offices: [{ title: 'Foreign Minister', party: 'france', from: 2016, to: 2017 }],
    aliases: ['Ayrault'],
    laterAliases: [],
  },
  {
    name: 'Jean-Yves Le Drian',
    offices: [{ title: 'Foreign Minister', party: 'france', from: 2017, to: 2022 }],
    aliases: ['Le Drian'],
    laterAliases: [],
  },
  {
    name: 'Catherine Colonna',
    offices: [{ title: 'Foreign Minister', party: 'france', from: 2022, to: 2024 }],
    aliases: [],
    laterAliases: ['Colonna'],
  },
  {
    name: 'Stéphane Séjourné',
    offices: [{ title: 'Foreign Minister', party: 'france', from: 2024, to: 2024 }],
    aliases: ['Séjourné'],
    laterAliases: [],
  },
  {
    name: 'Jean-Noël Barrot',
    offices: [{ title: 'Foreign Minister', party: 'france', from: 2024 }],
    aliases: ['Barrot'],
    laterAliases: [],
  },

  // Germany: the federal president is head of state, the chancellor head of government.
  {
    name: 'Joachim Gauck',
    offices: [{ title: 'President', party: 'germany', from: 2012, to: 2017 }],
    aliases: ['Gauck'],
    laterAliases: [],
  },
  {
    name: 'Frank-Walter Steinmeier',
    offices: [
      { title: 'Foreign Minister', party: 'germany', from: 2013, to: 2017 },
      { title: 'President', party: 'germany', from: 2017 },
    ],
    aliases: ['Steinmeier'],
    laterAliases: [],
  },
  {
    name: 'Angela Merkel',
    offices: [{ title: 'Chancellor', party: 'germany', from: 2005, to: 2021 }],
    aliases: ['Merkel'],
    laterAliases: [],
  },
  {
    name: 'Olaf Scholz',
    offices: [{ title: 'Chancellor', party: 'germany', from: 2021, to: 2025 }],
    aliases: ['Scholz'],
    laterAliases: [],
  },
  {
    name: 'Friedrich Merz',
    offices: [{ title: 'Chancellor', party: 'germany', from: 2025 }],
    aliases: ['Merz'],
    laterAliases: [],
  },
  {
    name: 'Sigmar Gabriel',
    offices: [{ title: 'Foreign Minister', party: 'germany', from: 2017, to: 2018 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Heiko Maas',
    offices: [{ title: 'Foreign Minister', party: 'germany', from: 2018, to: 2021 }],
    aliases: [],
    laterAliases: ['Maas'],
  },
  {
    name: 'Annalena Baerbock',
    offices: [{ title: 'Foreign Minister', party: 'germany', from: 2021, to: 2025 }],
    aliases: ['Baerbock'],
    laterAliases: [],
  },
  {
    name: 'Johann Wadephul',
    offices: [{ title: 'Foreign Minister', party: 'germany', from: 2025 }],
    aliases: ['Wadephul'],
    laterAliases: [],
  },

  // India
  {
    name: 'Pranab Mukherjee',
    offices: [{ title: 'President', party: 'india', from: 2012, to: 2017 }],
    aliases: [],
    laterAliases: ['Mukherjee'],
  },
  {
    name: 'Ram Nath Kovind',
    offices: [{ title: 'President', party: 'india', from: 2017, to: 2022 }],
    aliases: ['Kovind'],
    laterAliases: [],
  },
  {
    name: 'Droupadi Murmu',
    offices: [{ title: 'President', party: 'india', from: 2022 }],
    aliases: ['Murmu'],
    laterAliases: [],
  },
  {
    name: 'Narendra Modi',
    offices: [{ title: 'Prime Minister', party: 'india', from: 2014 }],
    aliases: ['Modi'],
    laterAliases: [],
  },
  {
    name: 'Sushma Swaraj',
    offices: [{ title: 'Minister of External Affairs', party: 'india', from: 2014, to: 2019 }],
    aliases: [],
    laterAliases: ['Swaraj'],
  },
  {
    name: 'Subrahmanyam Jaishankar',
    offices: [{ title: 'Minister of External Affairs', party: 'india', from: 2019 }],
    aliases: ['Jaishankar'],
    laterAliases: [],
  },

  // Indonesia: the president is head of state and of government.
  {
    name: 'Joko Widodo',
    offices: [{ title: 'President', party: 'indonesia', from: 2014, to: 2024 }],
    aliases: ['Jokowi', 'Widodo'],
    laterAliases: [],
  },
  {
    name: 'Prabowo Subianto',
    offices: [{ title: 'President', party: 'indonesia', from: 2024 }],
    aliases: ['Prabowo', 'Subianto'],
    laterAliases: [],
  },
  {
    name: 'Retno Marsudi',
    offices: [{ title: 'Foreign Minister', party: 'indonesia', from: 2014, to: 2024 }],
    aliases: ['Marsudi'],
    laterAliases: ['Retno'],
  },
  {
    // One name only, as many Indonesians have.
    name: 'Sugiono',
    offices: [{ title: 'Foreign Minister', party: 'indonesia', from: 2024 }],
    aliases: [],
    laterAliases: [],
  },

  // Italy
  {
    name: 'Giorgio Napolitano',
    offices: [{ title: 'President', party: 'italy', from: 2006, to: 2015 }],
    aliases: [],
    laterAliases: ['Napolitano'],
  },
  {
    name: 'Sergio Mattarella',
    offices: [{ title: 'President', party: 'italy', from: 2015 }],
    aliases: ['Mattarella'],
    laterAliases: [],
  },
  {
    name: 'Matteo Renzi',
    offices: [{ title: 'Prime Minister', party: 'italy', from: 2014, to: 2016 }],
    aliases: ['Renzi'],
    laterAliases: [],
  },
  {
    name: 'Paolo Gentiloni',
    offices: [
      { title: 'Foreign Minister', party: 'italy', from: 2014, to: 2016 },
      { title: 'Prime Minister', party: 'italy', from: 2016, to: 2018 },
    ],
    aliases: ['Gentiloni'],
    laterAliases: [],
  },
  {
    name: 'Giuseppe Conte',
    offices: [{ title: 'Prime Minister', party: 'italy', from: 2018, to: 2021 }],
    aliases: [],
    laterAliases: ['Conte'],
  },
  {
    name: 'Mario Draghi',
    offices: [{ title: 'Prime Minister', party: 'italy', from: 2021, to: 2022 }],
    aliases: ['Draghi'],
    laterAliases: [],
  },
  {
    name: 'Giorgia Meloni',
    offices: [{ title: 'Prime Minister', party: 'italy', from: 2022 }],
    aliases: ['Meloni'],
    laterAliases: [],
  },
  {
    name: 'Angelino Alfano',
    offices: [{ title: 'Foreign Minister', party: 'italy', from: 2016, to: 2018 }],
    aliases: ['Alfano'],
    laterAliases: [],
  },
  {
    name: 'Enzo Moavero Milanesi',
    offices: [{ title: 'Foreign Minister', party: 'italy', from: 2018, to: 2019 }],
    aliases: ['Moavero'],
    laterAliases: [],
  },
  {
    name: 'Luigi Di Maio',
    offices: [{ title: 'Foreign Minister', party: 'italy', from: 2019, to: 2022 }],
    aliases: ['Di Maio'],
    laterAliases: [],
  },
  {
    name: 'Antonio Tajani',
    offices: [{ title: 'Foreign Minister', party: 'italy', from: 2022 }],
    aliases: ['Tajani'],
    laterAliases: [],
  },

  // Japan: the emperor is head of state.
  {
    name: 'Akihito',
    offices: [{ title: 'Emperor', party: 'japan', from: 1989, to: 2019 }],
    aliases: ['Emperor Akihito'],
    laterAliases: [],
  },
  {
    name: 'Naruhito',
    offices: [{ title: 'Emperor', party: 'japan', from: 2019 }],
    aliases: ['Emperor Naruhito'],
    laterAliases: [],
  },
  {
    name: 'Shinzo Abe',
    offices: [{ title: 'Prime Minister', party: 'japan', from: 2012, to: 2020 }],
    aliases: [],
    laterAliases: ['Abe'],
  },
  {
    name: 'Yoshihide Suga',
    offices: [{ title: 'Prime Minister', party: 'japan', from: 2020, to: 2021 }],
    aliases: [],
    laterAliases: ['Suga'],
  },
  {
    name: 'Fumio Kishida',
    offices: [
      { title: 'Foreign Minister', party: 'japan', from: 2012, to: 2017 },
      { title: 'Prime Minister', party: 'japan', from: 2021, to: 2024 },
    ],
    aliases: ['Kishida'],
    laterAliases: [],
  },
  {
    name: 'Shigeru Ishiba',
    offices: [{ title: 'Prime Minister', party: 'japan', from: 2024, to: 2025 }],
    aliases: ['Ishiba'],
    laterAliases: [],
  },
  {
    name: 'Sanae Takaichi',
    offices: [{ title: 'Prime Minister', party: 'japan', from: 2025 }],
    aliases: ['Takaichi'],
    laterAliases: [],
  },
  {
    name: 'Taro Kono',
    offices: [{ title: 'Foreign Minister', party: 'japan', from: 2017, to: 2019 }],
    aliases: [],
    laterAliases: ['Kono'],
  },
  {
    name: 'Toshimitsu Motegi',
    offices: [
      { title: 'Foreign Minister', party: 'japan', from: 2019, to: 2021 },
      { title: 'Foreign Minister', party: 'japan', from: 2025 },
    ],
    aliases: ['Motegi'],
    laterAliases: [],
  },
  {
    name: 'Yoshimasa Hayashi',
    offices: [{ title: 'Foreign Minister', party: 'japan', from: 2021, to: 2023 }],
    aliases: [],
    laterAliases: ['Hayashi'],
  },
  {
    name: 'Yoko Kamikawa',
    offices: [{ title: 'Foreign Minister', party: 'japan', from: 2023, to: 2024 }],
    aliases: ['Kamikawa'],
    laterAliases: [],
  },
  {
    name: 'Takeshi Iwaya',
    offices: [{ title: 'Foreign Minister', party: 'japan', from: 2024, to: 2025 }],
    aliases: ['Iwaya'],
    laterAliases: [],
  },

  // Mexico: the president is head of state and of government.
  {
    name: 'Enrique Peña Nieto',
    offices: [{ title: 'President', party: 'mexico', from: 2012, to: 2018 }],
    aliases: ['Peña Nieto'],
    laterAliases: [],
  },
  {
    name: 'Andrés Manuel López Obrador',
    offices: [{ title: 'President', party: 'mexico', from: 2018, to: 2024 }],
    aliases: ['López Obrador', 'AMLO'],
    laterAliases: [],
  },
  {
    name: 'Claudia Sheinbaum',
    offices: [{ title: 'President', party: 'mexico', from: 2024 }],
    aliases: ['Sheinbaum'],
    laterAliases: [],
  },
  {
    name: 'José Antonio Meade',
    offices: [{ title: 'Foreign Minister', party: 'mexico', from: 2012, to: 2015 }],
    aliases: [],
    laterAliases: ['Meade'],
  },
  {
    name: 'Claudia Ruiz Massieu',
    offices: [{ title: 'Foreign Minister', party: 'mexico', from: 2015, to: 2017 }],
    aliases: ['Ruiz Massieu'],
    laterAliases: [],
  },
  {
    name: 'Luis Videgaray',
    offices: [{ title: 'Foreign Minister', party: 'mexico', from: 2017, to: 2018 }],
    aliases: ['Videgaray'],
    laterAliases: [],
  },
  {
    name: 'Marcelo Ebrard',
    offices: [{ title: 'Foreign Minister', party: 'mexico', from: 2018, to: 2023 }],
    aliases: ['Ebrard'],
    laterAliases: [],
  },
  {
    name: 'Alicia Bárcena',
    offices: [{ title: 'Foreign Minister', party: 'mexico', from: 2023, to: 2024 }],
    aliases: ['Bárcena'],
    laterAliases: [],
  },
  {
    name: 'Juan Ramón de la Fuente',
    offices: [{ title: 'Foreign Minister', party: 'mexico', from: 2024 }],
    aliases: [],
    laterAliases: ['de la Fuente'],
  },

  // Russia
  {
    name: 'Vladimir Putin',
    offices: [
      { title: 'President', party: 'russia', from: 2000, to: 2008 },
      { title: 'Prime Minister', party: 'russia', from: 2008, to: 2012 },
      { title: 'President', party: 'russia', from: 2012 },
    ],
    aliases: ['Putin'],
    laterAliases: [],
  },
  {
    name: 'Dmitry Medvedev',
    offices: [
      { title: 'President', party: 'russia', from: 2008, to: 2012 },
      { title: 'Prime Minister', party: 'russia', from: 2012, to: 2020 },
    ],
    aliases: ['Dmitri Medvedev', 'Medvedev'],
    laterAliases: [],
  },
  {
    name: 'Mikhail Mishustin',
    offices: [{ title: 'Prime Minister', party: 'russia', from: 2020 }],
    aliases: ['Mishustin'],
    laterAliases: [],
  },
  {
    name: 'Sergey Lavrov',
    offices: [{ title: 'Foreign Minister', party: 'russia', from: 2004 }],
    aliases: ['Sergei Lavrov', 'Lavrov'],
    laterAliases: [],
  },

  // Saudi Arabia: the king is head of state; he was also prime minister until 2022.
  {
    name: 'Abdullah bin Abdulaziz',
    offices: [{ title: 'King', party: 'saudi-arabia', from: 2005, to: 2015 }],
    // Not `King Abdullah`: Jordan's king is in the news far more.
    aliases: ['Abdullah bin Abdulaziz Al Saud'],
    laterAliases: [],
  },
  {
    name: 'Salman bin Abdulaziz',
    offices: [
      { title: 'King', party: 'saudi-arabia', from: 2015 },
      { title: 'Prime Minister', party: 'saudi-arabia', from: 2015, to: 2022 },
    ],
    aliases: ['Salman bin Abdulaziz Al Saud', 'King Salman'],
    laterAliases: [],
  },
  {
    name: 'Mohammed bin Salman',
    offices: [{ title: 'Prime Minister', party: 'saudi-arabia', from: 2022 }],
    aliases: ['Mohammad bin Salman', 'Muhammad bin Salman', 'MBS'],
    laterAliases: [],
  },
  {
    name: 'Saud al-Faisal',
    offices: [{ title: 'Foreign Minister', party: 'saudi-arabia', from: 1975, to: 2015 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Adel al-Jubeir',
    offices: [{ title: 'Foreign Minister', party: 'saudi-arabia', from: 2015, to: 2018 }],
    aliases: ['Jubeir'],
    laterAliases: [],
  },
  {
    name: 'Ibrahim al-Assaf',
    offices: [{ title: 'Foreign Minister', party: 'saudi-arabia', from: 2018, to: 2019 }],
    aliases: ['Ibrahim Abdulaziz al-Assaf'],
    laterAliases: [],
  },
  {
    name: 'Faisal bin Farhan',
    offices: [{ title: 'Foreign Minister', party: 'saudi-arabia', from: 2019 }],
    aliases: ['Faisal bin Farhan Al Saud'],
    laterAliases: [],
  },

  // South Africa: the president is head of state and of government.
  {
    name: 'Jacob Zuma',
    offices: [{ title: 'President', party: 'south-africa', from: 2009, to: 2018 }],
    aliases: ['Zuma'],
    laterAliases: [],
  },
  {
    name: 'Cyril Ramaphosa',
    offices: [{ title: 'President', party: 'south-africa', from: 2018 }],
    aliases: ['Ramaphosa'],
    laterAliases: [],
  },
  {
    name: 'Maite Nkoana-Mashabane',
    offices: [
      {
        title: 'Minister of International Relations and Cooperation',
        party: 'south-africa',
        from: 2009,
        to: 2018,
      },
    ],
    aliases: ['Nkoana-Mashabane'],
    laterAliases: [],
  },
  {
    name: 'Lindiwe Sisulu',
    offices: [
      {
        title: 'Minister of International Relations and Cooperation',
        party: 'south-africa',
        from: 2018,
        to: 2019,
      },
    ],
    aliases: [],
    laterAliases: ['Sisulu'],
  },
  {
    name: 'Naledi Pandor',
    offices: [
      {
        title: 'Minister of International Relations and Cooperation',
        party: 'south-africa',
        from: 2019,
        to: 2024,
      },
    ],
    aliases: ['Pandor'],
    laterAliases: [],
  },
  {
    name: 'Ronald Lamola',
    offices: [
      { title: 'Minister of International Relations and Cooperation', party: 'south-africa', from: 2024 },
    ],
    aliases: ['Lamola'],
    laterAliases: [],
  },

  // South Korea: the president is head of state, the prime minister heads the cabinet under the president.
  // Korean names put the family name first; family names (Park, Moon, Lee, Kim, Han) are shared or words.
  {
    name: 'Park Geun-hye',
    offices: [{ title: 'President', party: 'south-korea', from: 2013, to: 2017 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Moon Jae-in',
    offices: [{ title: 'President', party: 'south-korea', from: 2017, to: 2022 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Yoon Suk Yeol',
    offices: [{ title: 'President', party: 'south-korea', from: 2022, to: 2025 }],
    aliases: ['Yoon Suk-yeol', 'Yoon'],
    laterAliases: [],
  },
  {
    name: 'Lee Jae-myung',
    offices: [{ title: 'President', party: 'south-korea', from: 2025 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Choi Sang-mok',
    offices: [{ title: 'Acting President', party: 'south-korea', from: 2024, to: 2025 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Chung Hong-won',
    offices: [{ title: 'Prime Minister', party: 'south-korea', from: 2013, to: 2015 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Lee Wan-koo',
    offices: [{ title: 'Prime Minister', party: 'south-korea', from: 2015, to: 2015 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Hwang Kyo-ahn',
    offices: [
      { title: 'Prime Minister', party: 'south-korea', from: 2015, to: 2017 },
      { title: 'Acting President', party: 'south-korea', from: 2016, to: 2017 },
    ],
    aliases: [],
    laterAliases: ['Hwang'],
  },
  {
    name: 'Lee Nak-yon',
    offices: [{ title: 'Prime Minister', party: 'south-korea', from: 2017, to: 2020 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Chung Sye-kyun',
    offices: [{ title: 'Prime Minister', party: 'south-korea', from: 2020, to: 2021 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Kim Boo-kyum',
    offices: [{ title: 'Prime Minister', party: 'south-korea', from: 2021, to: 2022 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Han Duck-soo',
    offices: [
      { title: 'Prime Minister', party: 'south-korea', from: 2022, to: 2025 },
      { title: 'Acting President', party: 'south-korea', from: 2024, to: 2025 },
    ],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Kim Min-seok',
    offices: [{ title: 'Prime Minister', party: 'south-korea', from: 2025 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Yun Byung-se',
    offices: [{ title: 'Foreign Minister', party: 'south-korea', from: 2013, to: 2017 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Kang Kyung-wha',
    offices: [{ title: 'Foreign Minister', party: 'south-korea', from: 2017, to: 2021 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Chung Eui-yong',
    offices: [{ title: 'Foreign Minister', party: 'south-korea', from: 2021, to: 2022 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Park Jin',
    offices: [{ title: 'Foreign Minister', party: 'south-korea', from: 2022, to: 2024 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Cho Tae-yul',
    offices: [{ title: 'Foreign Minister', party: 'south-korea', from: 2024, to: 2025 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Cho Hyun',
    offices: [{ title: 'Foreign Minister', party: 'south-korea', from: 2025 }],
    aliases: [],
    laterAliases: [],
  },

  // Türkiye: the president is head of state, and since 2018 of government too.
  {
    name: 'Recep Tayyip Erdoğan',
    offices: [
      { title: 'Prime Minister', party: 'turkiye', from: 2003, to: 2014 },
      { title: 'President', party: 'turkiye', from: 2014 },
    ],
    aliases: ['Tayyip Erdoğan', 'Erdoğan'],
    laterAliases: [],
  },
  {
    name: 'Ahmet Davutoğlu',
    offices: [
      { title: 'Foreign Minister', party: 'turkiye', from: 2009, to: 2014 },
      { title: 'Prime Minister', party: 'turkiye', from: 2014, to: 2016 },
    ],
    aliases: ['Davutoğlu'],
    laterAliases: [],
  },
  {
    name: 'Binali Yıldırım',
    offices: [{ title: 'Prime Minister', party: 'turkiye', from: 2016, to: 2018 }],
    aliases: [],
    laterAliases: ['Yıldırım'],
  },
  {
    name: 'Mevlüt Çavuşoğlu',
    offices: [
      { title: 'Foreign Minister', party: 'turkiye', from: 2014, to: 2015 },
      { title: 'Foreign Minister', party: 'turkiye', from: 2015, to: 2023 },
    ],
    aliases: ['Çavuşoğlu'],
    laterAliases: [],
  },
  {
    name: 'Feridun Sinirlioğlu',
    offices: [{ title: 'Foreign Minister', party: 'turkiye', from: 2015, to: 2015 }],
    aliases: ['Sinirlioğlu'],
    laterAliases: [],
  },
  {
    name: 'Hakan Fidan',
    offices: [{ title: 'Foreign Minister', party: 'turkiye', from: 2023 }],
    aliases: ['Fidan'],
    laterAliases: [],
  },

  // Ukraine: not in the G20, but the briefings' main subject.
  {
    name: 'Petro Poroshenko',
    offices: [{ title: 'President', party: 'ukraine', from: 2014, to: 2019 }],
    aliases: ['Poroshenko'],
    laterAliases: [],
  },
  {
    name: 'Volodymyr Zelenskyy',
    offices: [{ title: 'President', party: 'ukraine', from: 2019 }],
    aliases: ['Volodymyr Zelensky', 'Zelenskyy', 'Zelensky', 'Zelenskiy', 'Zelenskyi'],
    laterAliases: [],
  },
  {
    name: 'Arseniy Yatsenyuk',
    offices: [{ title: 'Prime Minister', party: 'ukraine', from: 2014, to: 2016 }],
    aliases: ['Yatsenyuk'],
    laterAliases: [],
  },
  {
    name: 'Volodymyr Groysman',
    offices: [{ title: 'Prime Minister', party: 'ukraine', from: 2016, to: 2019 }],
    aliases: ['Groysman', 'Hroisman'],
    laterAliases: [],
  },
  {
    name: 'Oleksiy Honcharuk',
    offices: [{ title: 'Prime Minister', party: 'ukraine', from: 2019, to: 2020 }],
    aliases: ['Honcharuk'],
    laterAliases: [],
  },
  {
    name: 'Denys Shmyhal',
    offices: [{ title: 'Prime Minister', party: 'ukraine', from: 2020, to: 2025 }],
    aliases: ['Shmyhal'],
    laterAliases: [],
  },
  {
    name: 'Yulia Svyrydenko',
    offices: [{ title: 'Prime Minister', party: 'ukraine', from: 2025 }],
    aliases: ['Svyrydenko'],
    laterAliases: [],
  },
  {
    name: 'Pavlo Klimkin',
    offices: [{ title: 'Foreign Minister', party: 'ukraine', from: 2014, to: 2019 }],
    aliases: ['Klimkin'],
    laterAliases: [],
  },
  {
    name: 'Vadym Prystaiko',
    offices: [{ title: 'Foreign Minister', party: 'ukraine', from: 2019, to: 2020 }],
    aliases: ['Prystaiko'],
    laterAliases: [],
  },
  {
    name: 'Dmytro Kuleba',
    offices: [{ title: 'Foreign Minister', party: 'ukraine', from: 2020, to: 2024 }],
    aliases: ['Kuleba'],
    laterAliases: [],
  },
  {
    name: 'Andrii Sybiha',
    offices: [{ title: 'Foreign Minister', party: 'ukraine', from: 2024 }],
    aliases: ['Andriy Sybiha', 'Sybiha'],
    laterAliases: [],
  },

  // United Kingdom: the monarch is head of state of the UK, Australia and Canada.
  {
    name: 'Elizabeth II',
    offices: [
      { title: 'Queen', party: 'united-kingdom', from: 1952, to: 2022 },
      { title: 'Queen', party: 'australia', from: 1952, to: 2022 },
      { title: 'Queen', party: 'canada', from: 1952, to: 2022 },
    ],
    aliases: ['Queen Elizabeth II', 'Queen Elizabeth'],
    laterAliases: [],
  },
  {
    name: 'Charles III',
    offices: [
      { title: 'King', party: 'united-kingdom', from: 2022 },
      { title: 'King', party: 'australia', from: 2022 },
      { title: 'King', party: 'canada', from: 2022 },
    ],
    aliases: ['King Charles III', 'King Charles'],
    laterAliases: [],
  },
  {
    name: 'David Cameron',
    offices: [
      { title: 'Prime Minister', party: 'united-kingdom', from: 2010, to: 2016 },
      { title: 'Foreign Secretary', party: 'united-kingdom', from: 2023, to: 2024 },
    ],
    aliases: ['Lord Cameron'],
    laterAliases: ['Cameron'],
  },
  {
    name: 'Theresa May',
    offices: [{ title: 'Prime Minister', party: 'united-kingdom', from: 2016, to: 2019 }],
    // `May` is a month and a verb.
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Boris Johnson',
    offices: [
      { title: 'Foreign Secretary', party: 'united-kingdom', from: 2016, to: 2018 },
      { title: 'Prime Minister', party: 'united-kingdom', from: 2019, to: 2022 },
    ],
    aliases: [],
    laterAliases: ['Johnson'],
  },
  {
    name: 'Liz Truss',
    offices: [
      { title: 'Foreign Secretary', party: 'united-kingdom', from: 2021, to: 2022 },
      { title: 'Prime Minister', party: 'united-kingdom', from: 2022, to: 2022 },
    ],
    aliases: [],
    laterAliases: ['Truss'],
  },
  {
    name: 'Rishi Sunak',
    offices: [{ title: 'Prime Minister', party: 'united-kingdom', from: 2022, to: 2024 }],
    aliases: ['Sunak'],
    laterAliases: [],
  },
  {
    name: 'Keir Starmer',
    offices: [{ title: 'Prime Minister', party: 'united-kingdom', from: 2024 }],
    aliases: ['Starmer'],
    laterAliases: [],
  },
  {
    name: 'Philip Hammond',
    offices: [{ title: 'Foreign Secretary', party: 'united-kingdom', from: 2014, to: 2016 }],
    aliases: [],
    laterAliases: ['Hammond'],
  },
  {
    name: 'Jeremy Hunt',
    offices: [{ title: 'Foreign Secretary', party: 'united-kingdom', from: 2018, to: 2019 }],
    // `Hunt` is a common word.
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'Dominic Raab',
    offices: [{ title: 'Foreign Secretary', party: 'united-kingdom', from: 2019, to: 2021 }],
    aliases: ['Raab'],
    laterAliases: [],
  },
  {
    name: 'James Cleverly',
    offices: [{ title: 'Foreign Secretary', party: 'united-kingdom', from: 2022, to: 2023 }],
    aliases: [],
    laterAliases: ['Cleverly'],
  },
  {
    name: 'David Lammy',
    offices: [{ title: 'Foreign Secretary', party: 'united-kingdom', from: 2024, to: 2025 }],
    aliases: ['Lammy'],
    laterAliases: [],
  },
  {
    name: 'Yvette Cooper',
    offices: [{ title: 'Foreign Secretary', party: 'united-kingdom', from: 2025 }],
    aliases: [],
    laterAliases: ['Cooper'],
  },

  // United States: the president is head of state and of government.
  {
    name: 'Barack Obama',
    offices: [{ title: 'President', party: 'united-states', from: 2009, to: 2017 }],
    aliases: ['Obama'],
    laterAliases: [],
  },
  {
    name: 'Donald Trump',
    offices: [
      { title: 'President', party: 'united-states', from: 2017, to: 2021 },
      { title: 'President', party: 'united-states', from: 2025 },
    ],
    aliases: ['Trump'],
    laterAliases: [],
  },
  {
    name: 'Joe Biden',
    offices: [{ title: 'President', party: 'united-states', from: 2021, to: 2025 }],
    aliases: ['Joseph Biden', 'Biden'],
    laterAliases: [],
  },
  {
    name: 'John Kerry',
    offices: [{ title: 'Secretary of State', party: 'united-states', from: 2013, to: 2017 }],
    aliases: ['Kerry'],
    laterAliases: [],
  },
  {
    name: 'Rex Tillerson',
    offices: [{ title: 'Secretary of State', party: 'united-states', from: 2017, to: 2018 }],
    aliases: ['Tillerson'],
    laterAliases: [],
  },
  {
    name: 'Mike Pompeo',
    offices: [{ title: 'Secretary of State', party: 'united-states', from: 2018, to: 2021 }],
    aliases: ['Pompeo'],
    laterAliases: [],
  },
  {
    name: 'Antony Blinken',
    offices: [{ title: 'Secretary of State', party: 'united-states', from: 2021, to: 2025 }],
    aliases: ['Blinken'],
    laterAliases: [],
  },
  {
    name: 'Marco Rubio',
    offices: [{ title: 'Secretary of State', party: 'united-states', from: 2025 }],
    aliases: ['Rubio'],
    laterAliases: [],
  },

  // European Union
  {
    name: 'Donald Tusk',
    offices: [
      { title: 'Prime Minister', party: 'poland', from: 2007, to: 2014 },
      { title: 'President of the European Council', party: 'european-union', from: 2014, to: 2019 },
      { title: 'Prime Minister', party: 'poland', from: 2023 },
    ],
    aliases: ['Tusk'],
    laterAliases: [],
  },
  {
    name: 'Charles Michel',
    offices: [{ title: 'President of the European Council', party: 'european-union', from: 2019, to: 2024 }],
    aliases: [],
    laterAliases: [],
  },
  {
    name: 'António Costa',
    offices: [
      { title: 'Prime Minister', party: 'portugal', from: 2015, to: 2024 },
      { title: 'President of the European Council', party: 'european-union', from: 2024 },
    ],
    aliases: [],
    laterAliases: ['Costa'],
  },
  {
    name: 'Jean-Claude Juncker',
    offices: [
      { title: 'President of the European Commission', party: 'european-union', from: 2014, to: 2019 },
    ],
    aliases: ['Juncker'],
    laterAliases: [],
  },
  {
    name: 'Ursula von der Leyen',
    offices: [{ title: 'President of the European Commission', party: 'european-union', from: 2019 }],
    aliases: ['von der Leyen'],
    laterAliases: [],
  },
  {
    name: 'Federica Mogherini',
    offices: [{ title: 'High Representative', party: 'european-union', from: 2014, to: 2019 }],
    aliases: ['Mogherini'],
    laterAliases: [],
  },
  {
    name: 'Josep Borrell',
    offices: [
      { title: 'Foreign Minister', party: 'spain', from: 2018, to: 2019 },
      { title: 'High Representative', party: 'european-union', from: 2019, to: 2024 },
    ],
    aliases: ['Borrell'],
    laterAliases: [],
  },
  {
    name: 'Kaja Kallas',
    offices: [
      { title: 'Prime Minister', party: 'estonia', from: 2021, to: 2024 },
      { title: 'High Representative', party: 'european-union', from: 2024 },
    ],
    aliases: ['Kallas'],
    laterAliases: [],
  },

  // African Union
  {
    name: 'Nkosazana Dlamini-Zuma',
    offices: [
      { title: 'Chairperson of the African Union Commission', party: 'african-union', from: 2012, to: 2017 },
    ],
    aliases: ['Dlamini-Zuma'],
    laterAliases: [],
  },
  {
    name: 'Moussa Faki Mahamat',
    offices: [
      { title: 'Chairperson of the African Union Commission', party: 'african-union', from: 2017, to: 2025 },
    ],
    aliases: ['Moussa Faki', 'Faki'],
    laterAliases: [],
  },
  {
    name: 'Mahmoud Ali Youssouf',
    offices: [
      { title: 'Foreign Minister', party: 'djibouti', from: 2005, to: 2025 },
      { title: 'Chairperson of the African Union Commission', party: 'african-union', from: 2025 },
    ],
    aliases: [],
    laterAliases: ['Youssouf'],
  },
];
