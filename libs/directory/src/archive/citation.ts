/** What a citation needs to know about one data-set version. */
export interface CitableVersion {
  conceptId: string;
  n: number;
  title: string;
  description: string;
  creators: { name: string; affiliation?: string | null; orcid?: string | null }[];
  keywords: string[];
  licence: string;
  publishedAt: Date | null;
  /** absolute URL of the version's landing page */
  url: string;
  publisher: string;
}

const versionId = (v: CitableVersion) => `${v.conceptId}.v${v.n}`;
const year = (v: CitableVersion) => (v.publishedAt ?? new Date(0)).getUTCFullYear();
const isoDate = (v: CitableVersion) => (v.publishedAt ? v.publishedAt.toISOString().slice(0, 10) : null);

function splitName(name: string): { family: string; given: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { family: parts[0]!, given: '' };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') };
}

// BibTeX special characters; braces keep the title's capitals.
const bib = (text: string) => text.replace(/([\\{}%&$#_^~])/g, '\\$1');

export function toBibTeX(v: CitableVersion): string {
  const authors = v.creators.map((creator) => { const { family, given } = splitName(creator.name); return given ? `${family}, ${given}` : family; });
  const key = `${splitName(v.creators[0]?.name ?? 'p2pvalue').family.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'dataset'}${year(v)}_${v.conceptId.replace(/[^A-Za-z0-9]/g, '')}_v${v.n}`;
  const lines = [
    `@misc{${key},`,
    `  author = {${bib(authors.join(' and '))}},`,
    `  title = {{${bib(v.title)}}},`,
    `  year = {${year(v)}},`,
    `  version = {${v.n}},`,
    `  publisher = {${bib(v.publisher)}},`,
    `  howpublished = {\\url{${v.url}}},`,
    `  note = {Data set ${bib(versionId(v))}, licence ${bib(v.licence)}},`,
    ...(v.keywords.length > 0 ? [`  keywords = {${bib(v.keywords.join(', '))}},`] : []),
    `}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function toCslJson(v: CitableVersion): Record<string, unknown>[] {
  const date = v.publishedAt ?? new Date(0);
  return [
    {
      id: versionId(v),
      type: 'dataset',
      title: v.title,
      author: v.creators.map((creator) => splitName(creator.name)),
      issued: { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] },
      version: String(v.n),
      publisher: v.publisher,
      URL: v.url,
      abstract: v.description || undefined,
      keyword: v.keywords.join(', ') || undefined,
    },
  ];
}

// YAML double-quoted scalars: JSON string escaping is valid YAML.
const yaml = (text: string) => JSON.stringify(text);

export function toCitationCff(v: CitableVersion): string {
  const lines = [
    'cff-version: 1.2.0',
    'message: "If you use this data set, please cite it as below."',
    'type: dataset',
    `title: ${yaml(v.title)}`,
    `version: ${yaml(String(v.n))}`,
    ...(isoDate(v) ? [`date-released: ${yaml(isoDate(v)!)}`] : []),
    `license: ${yaml(v.licence)}`,
    `url: ${yaml(v.url)}`,
    `identifiers:\n  - type: other\n    value: ${yaml(versionId(v))}\n    description: "P2Pvalue archive version id"`,
    'authors:',
    ...v.creators.flatMap((creator) => {
      const { family, given } = splitName(creator.name);
      return [
        `  - family-names: ${yaml(family)}`,
        ...(given ? [`    given-names: ${yaml(given)}`] : []),
        ...(creator.affiliation ? [`    affiliation: ${yaml(creator.affiliation)}`] : []),
        ...(creator.orcid ? [`    orcid: ${yaml(`https://orcid.org/${creator.orcid}`)}`] : []),
      ];
    }),
    ...(v.keywords.length > 0 ? ['keywords:', ...v.keywords.map((keyword) => `  - ${yaml(keyword)}`)] : []),
    ...(v.description ? [`abstract: ${yaml(v.description)}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
