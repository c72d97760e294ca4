/**
 * The words of the acts grammar, as regular-expression sources (used with the `iu` flags), one
 * alternative per entry, in order of preference: names of acts in the 24 official languages, the
 * authors and kinds around them. Kept as lists so that act-grammar.ts can leave out the entries a
 * text cannot hold (an entry must have no top-level `|`).
 */

const H = '[-\\u2010\\u2011\\s]+'; // hyphen or space in compounds ("décision-cadre")

/** Names of framework decisions (tested before plain decisions). */
export const FRAMEWORK_DECISION = [
  'framework\\s+decisions?',
  `décisions?${H}cadres?`,
  'rahmenbeschl(?:uss(?:es)?|üssen?)',
  'decision[ei]\\s+quadro',
  'decisi(?:ón|ones)\\s+marco',
  `decis(?:ão|ões)${H}quadro`,
  'kaderbesluit(?:en)?',
  'decyzj[aiię]\\s+ramow(?:a|ej|ą|e|ych)',
  'rámcov(?:é|ého|ém|ým)\\s+rozhodnut(?:í|ie|ia|ím)',
  'okvirn(?:i|ega|em|im)\\s+sklep(?:a|u|om)?',
  'okvirn(?:a|e|oj|u|om)\\s+odluk(?:a|e|i|u|om)',
  'kerethatározat\\p{L}*',
  `decizi(?:a|ei|ile)?${H}cadru`,
  'рамков(?:о|ото|и)\\s+решени(?:е|ето|я)',
  `αποφάσε(?:ως|ις)${H}(?:πλαίσιο|πλαισίου)`,
  `απόφαση(?:ς)?${H}(?:πλαίσιο|πλαισίου)`,
  'rammeafgørelse(?:n|r|rne)?',
  'rambeslut(?:et|en)?',
  'puitepäätö\\p{L}*',
  'raamotsus\\p{L}*',
  'pamatlēmum\\p{L}*',
  'pamatin(?:is|io|į|iame)\\s+sprendim\\p{L}*',
  'deċiżjoni\\s+(?:ta\\p{Pd}?\\s*)?qafas',
  'c(?:h)?inn(?:eadh|idh)\\s+réime',
];

export const DIRECTIVE = [
  'directives?',
  'directiv(?:a|as|ei|ele|ă)',
  'diretivas?',
  'direttiv[aei]',
  'richtlinien?',
  'richtlijn(?:en)?',
  'dyrektyw(?:a|y|ie|ę|ą|ach|ami)?',
  'směrnic(?:e|i|í)?',
  'smernic(?:a|e|i|ou)',
  'smerníc',
  'direktiv(?:a|e|i|o|u|om|et|er|erne|ets|en|ama)?',
  'direktiivi\\p{L}*',
  'direktiiv\\p{L}*',
  'direktīv\\p{L}*',
  'direktyv\\p{L}*',
  'irányelv\\p{L}*',
  'директив\\p{L}*',
  'οδηγ(?:ία|ίας|ίες|ιών)',
  'treoi?r(?:ach|acha)?',
];

export const REGULATION = [
  'regulations?',
  'r[èe]glements?',
  'verordnung(?:en)?',
  'regolament[oi]?',
  'reglament(?:o|os|as|ą|e|ų|ai|o)?',
  'regulament(?:o|os|ul|ului|ele|elor)?',
  'verordening(?:en)?',
  'rozporządze(?:nie|nia|niu|niem|ń|niach|niami)',
  'nařízení',
  'nariaden(?:ie|ia|í|iu|ím)',
  'uredb(?:a|e|i|o|u|om|ama)',
  'rendelet\\p{L}*',
  'регламент\\p{L}*',
  'κανονισμ(?:ός|ού|ό|οί|ών|ούς)',
  'forordning(?:en|er|erne)?',
  'förordning(?:en|ar|arna)?',
  'asetu(?:s|ksen|ksessa|ksella|sta|kseen|kset|ksia|ksilla)',
  'määrus\\p{L}*',
  'regul(?:a|as|u|ā|ām)',
  'rialach(?:án|áin|áin)',
];

export const DECISION = [
  'decisions?',
  'décisions?',
  'decision[ei]',
  'decisi(?:ón|ones)',
  'decis(?:ão|ões)',
  'beschl(?:uss(?:es)?|üssen?)',
  'entscheidung(?:en)?',
  'besluit(?:en)?',
  'beschikking(?:en)?',
  'decyzj(?:a|i|ę|ą|e|ach)',
  'rozhodnut(?:í|ie|ia|ím)',
  'sklep(?:a|u|om)?',
  'odločb(?:a|e|i|o)',
  'odluk(?:a|e|i|u|om)',
  'határozat\\p{L}*',
  'decizi(?:a|e|ei|ile|ilor)',
  'решени(?:е|ето|я)',
  'απόφασ(?:η|ης|εις|εων)',
  'αποφάσε(?:ις|ων|ως)',
  'afgørelse(?:n|r|rne)?',
  'beslutning(?:en|er)?',
  'beslut(?:et|en)?',
  'päätö(?:s|ksen|ksessä|ksellä|stä|kseen|kset)',
  'otsus(?:e|ega|es|t)?',
  'lēmum(?:s|a|u|ā|i)',
  'sprendim(?:as|o|ą|e|ai|ų)',
  'deċiżjoni(?:jiet)?',
  'c(?:h)?inn(?:eadh|idh)',
  'cinntí',
];

/**
 * Author and kind before the name, kept in the span: "Council Decision", "Commission Implementing
 * Regulation", "Rådets förordning", "neuvoston asetus", "Padomes Regula", "Tarybos reglamentas".
 */
export const AUTHORS = [
  'Council',
  'Commission',
  'European\\s+Parliament\\s+and\\s+(?:of\\s+the\\s+)?Council',
  'Rådets',
  'Kommissionens',
  'Europaparlamentets\\s+och\\s+rådets',
  'Europa-Parlamentets\\s+og\\s+Rådets',
  'neuvoston',
  'komission',
  'Euroopan\\s+parlamentin\\s+ja\\s+neuvoston',
  'nõukogu',
  'komisjoni',
  'Euroopa\\s+Parlamendi\\s+ja\\s+nõukogu',
  'Padomes',
  'Komisijas',
  'Eiropas\\s+Parlamenta\\s+un\\s+Padomes',
  'Tarybos',
  'Komisijos',
  'Europos\\s+Parlamento\\s+ir\\s+Tarybos',
];

export const KINDS = [
  'Implementing',
  'Delegated',
  'delegoitu',
  'delegeeritud',
  'deleģētā',
  'deleguotasis',
  'įgyvendinimo',
  'īstenošanas',
  'delegierte[nrs]?',
  'εκτελεστικ(?:ός|ού|ή|ής)',
  'prováděcí',
  'vykonávacie',
  'izvedben[aeio]',
  'provedben[aeiu]',
  'delegiran[aeiu]',
];

/** First halves of compound names: "Durchführungsverordnung", "uitvoeringsbesluit", "genomförandeförordning". */
export const COMPOUNDS = ['durchführungs', 'uitvoerings', 'genomförande', 'gennemførelses', 'täytäntöönpano', 'rakendus'];

/**
 * Words between the name and the number: the author in the genitive and the kind
 * ("rozporządzenie wykonawcze Komisji (UE)", "nařízení Rady (EHS) č.", "règlement d'exécution (UE)").
 */
export const AFTER_WORDS = [
  'Rady',
  'Komisji',
  'Parlamentu\\s+Europejskiego\\s+i\\s+Rady',
  'wykonawcz(?:e|a|ej|ego|ym)',
  'delegowan(?:e|a|ej|ego|ym)',
  'Komise',
  'Evropského\\s+parlamentu\\s+a\\s+Rady',
  'Komisie',
  'Európskeho\\s+parlamentu\\s+a\\s+Rady',
  'Sveta',
  'Komisije',
  'Evropskega\\s+parlamenta\\s+in\\s+Sveta',
  'Vijeća',
  'Europskog\\s+parlamenta\\s+i\\s+Vijeća',
  'tal-Kunsill',
  'tal-Kummissjoni',
  'tal-Parlament\\s+Ewropew\\s+u\\s+tal-Kunsill',
  "ta['’]\\s*Implimentazzjoni",
  "d['’]\\s*exécution",
  'délégu[ée]e?s?',
  'di\\s+esecuzione',
  'delegat[oaie]',
  'de\\s+ejecución',
  'delegad[oa]s?',
  'de\\s+execução',
  'de\\s+punere\\s+în\\s+aplicare',
  'delegat(?:ă|ul)?',
  'за\\s+изпълнение',
  'делегиран(?:ия|ият)?',
  'cur\\s+chun\\s+feidhme',
  'tarmligthe',
];

/** Hungarian names, which follow the number: "(EU) 2017/541 irányelv", "767/2008/EK rendelet". */
export const HUNGARIAN = ['kerethatározat\\p{L}*', 'irányelv\\p{L}*', 'rendelet\\p{L}*', 'határozat\\p{L}*'];
