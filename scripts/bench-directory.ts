// Benchmark (not a test) of the directory: import throughput and faceted full-text search latency
// at 1k and 100k synthetic cases, each in its own throw-away database. Queries alternate between
// the two sizes, so a busy machine slows both alike.
//   npm run bench:directory [-- --large 100000 --queries 200]
// Last line: JSON { p95_1k_ms, p95_100k_ms, ratio, importRowsPerSec, … }.
import { createTestDatabase, type TestDatabase } from '@p2pvalue/db/testing';
import {
  createDirectoryServices,
  caseToCsvLine,
  csvHeader,
  emptyCaseFields,
  insertCasesInBulk,
  type TCaseFields,
  type TCaseSearchInput,
} from '@p2pvalue/directory';

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const index = argv.indexOf(name);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const LARGE = flag('--large', 100_000);
const QUERIES = flag('--queries', 200);
const IMPORT_ROWS = flag('--import-rows', 5_000);

// Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same data.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(2016);
// Zipf-like pick: low indexes are much more frequent, as in the real taxonomy.
const pick = <T>(items: readonly T[]): T => items[Math.floor(items.length * random() ** 2.2)]!;

const ACTIVITIES = ['FLOSS communities', 'Community networks', 'Collaborative writing', 'P2P file sharing', 'Hacklabs / Collaborative spaces', 'Collaborative filtering', 'Others', 'Collaborative video, audio, images', 'Collaborative research', 'Collaborative consumption', 'Collaborative mapping', 'Open technology', 'Collaborative archive', 'Urban commons', 'Open hardware', 'Open education', 'P2P economy', 'Citizen media', 'Internet of things', 'P2P currency', 'Open science', 'Peer funding', 'Open design', 'Citizen science', 'Gaming communities', 'Open data commons'];
const ORG_TYPES = ['Grass Roots Organization Or Community Network', 'Business', 'Academia And Research', 'Social Enterprise Charity Or Foundation', 'Government And Public Sector'];
const LEGAL = ['not for profit organization', 'for profit organization', 'other', 'public institution'];
const COLLAB = ['Collage', 'Album', 'Exchange', 'Building collective process', 'Space', 'Physical resource', 'Other'];
const RESOURCES = ['Resource', 'Service', 'Methodology', 'Design', 'Others', 'Brand', 'Internet protocol'];
const LICENCES = ['Other', 'No license', 'Creative Commons: Attribution-ShareAlike (CC BY-SA)', 'Copyright', 'Creative Commons: Attribution (CC BY)', 'GNU General Public License', 'Creative Commons: Attribution-NonCommercial-ShareAlike (CC BY-NC-SA)', 'Public Domain', 'GNU Free Documentation License', 'CC0 1.0 Universal (CC0 1.0)'];
const SCOPES = ['International', 'Local', 'National'];
const LANGUAGES = ['English', 'Spanish', 'Catalan', 'French', 'German', 'Italian', 'Portuguese', 'Basque', 'Dutch', 'Greek', 'Arabic', 'Chinese', 'Japanese', 'Russian', 'Polish', 'Swedish', 'Turkish', 'Hindi', 'Korean', 'Galician'];
// A multilingual vocabulary: real words (en/es/ca/fr/de/it/pt, with accents) plus generated ones,
// drawn with a Zipf-like frequency, so a query word matches a realistic share of cases (~1–3 %).
const SEED_WORDS = `community commons open free software network wiki cooperative platform sharing knowledge culture data
 comunidad cooperativa red libre conocimiento barrio ciudad energía semillas bicicleta taller investigación
 comunitat xarxa lliure coneixement barri ciutat llavors recerca ciència educació habitatge hort veïnal
 communauté coopérative réseau savoir quartier ville énergie données cartographie logiciel
 gemeinschaft genossenschaft netzwerk freie wissen kultur stadt daten karte werkstatt forschung
 comunità rete conoscenza quartiere città dati mappa officina ricerca comunidade rede livre bairro cidade dados`
  .split(/\s+/)
  .filter(Boolean);
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'xe', 'ba', 'ço', 'dé', 'fü', 'gà', 'hi', 'ja', 'ñu', 'pe', 'qui', 'ro', 'ze', 'tra', 'bli', 'mon'];
const WORDS = [...SEED_WORDS, ...Array.from({ length: 8_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''))];
const word = () => WORDS[Math.floor(WORDS.length * random() ** 3)]!;

function sentence(length: number): string {
  return Array.from({ length }, word).join(' ');
}

function syntheticCase(i: number): { nid: number; fields: TCaseFields; postedBy: string } {
  const languages = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(LANGUAGES)))];
  const resources = [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(RESOURCES)))];
  return {
    nid: 10_000 + i,
    postedBy: 'bench',
    fields: {
      ...emptyCaseFields(`${word()} ${word()} ${i}`),
      description: sentence(30 + Math.floor(random() * 60)),
      homepage: `https://example.org/case/${i}`,
      keywords: [...new Set([word(), word()])],
      organisationType: random() < 0.85 ? pick(ORG_TYPES) : null,
      legalEntity: pick(LEGAL),
      yearFounded: 1960 + Math.floor(random() ** 0.5 * 60),
      languages,
      activityType: pick(ACTIVITIES),
      collaborationType: pick(COLLAB),
      resourceTypes: resources,
      licence: pick(LICENCES),
      scope: random() < 0.9 ? pick(SCOPES) : null,
    },
  };
}

function csvOf(cases: ReturnType<typeof syntheticCase>[]): string {
  return csvHeader() + cases.map((item) => caseToCsvLine(item)).join('');
}

/** A fixed mix of faceted full-text queries (text + one or two facets, sometimes a year range). */
function queryMix(count: number): TCaseSearchInput[] {
  const mixRandom = rng(7);
  const at = <T>(items: readonly T[]) => items[Math.floor(mixRandom() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    // mid-frequency words (ranks 100–1500 of the Zipf vocabulary): one or two per query
    const mid = () => WORDS[100 + Math.floor(mixRandom() * 1_400)]!;
    const query: TCaseSearchInput = { q: i % 3 === 0 ? `${mid()} ${mid()}` : mid(), pageSize: 20 };
    query.activityType = [at(ACTIVITIES.slice(0, 8))];
    if (i % 2 === 0) query.scope = [at(SCOPES)];
    if (i % 4 === 0) query.languages = [at(LANGUAGES.slice(0, 6))];
    if (i % 5 === 0) Object.assign(query, { yearFrom: 2000, yearTo: 2015 });
    return query;
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Latency {
  p50: number;
  p95: number;
  meanTotal: number;
}

/**
 * Runs the query mix against both databases, alternating query by query, so the load of a shared
 * machine weighs on both sizes alike and their ratio stays meaningful.
 */
async function measure(small: TestDatabase, large: TestDatabase): Promise<[Latency, Latency]> {
  const searches = [small, large].map((db) => createDirectoryServices(db.prisma).search);
  for (const db of [small, large]) await db.prisma.$executeRawUnsafe('ANALYZE');
  const queries = queryMix(QUERIES);
  for (const query of queries.slice(0, 20)) for (const search of searches) await search.searchCases(query); // warm caches and plans
  const times: number[][] = [[], []];
  const totals = [0, 0];
  for (const query of queries) {
    for (const [i, search] of searches.entries()) {
      const started = performance.now();
      const result = await search.searchCases(query);
      times[i]!.push(performance.now() - started);
      totals[i]! += result.total;
    }
  }
  return [0, 1].map((i) => {
    const sorted = [...times[i]!].sort((a, b) => a - b);
    const result = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), meanTotal: totals[i]! / queries.length };
    const label = i === 0 ? '1k cases' : `${Math.round(LARGE / 1000)}k cases`;
    console.log(`${label}: ${queries.length} faceted full-text queries, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, mean matches ${result.meanTotal.toFixed(0)}`);
    return result;
  }) as [Latency, Latency];
}

async function main(): Promise<void> {
  const cases = Array.from({ length: LARGE }, (_, i) => syntheticCase(i));

  const small = await createTestDatabase();
  const large = await createTestDatabase();
  try {
    // 1k: imported through the real importer (one transaction, revisions and all).
    const importer = createDirectoryServices(small.prisma).importer;
    const smallReport = await importer.importCsv(csvOf(cases.slice(0, 1_000)));
    console.log(`1k import: ${smallReport.summary} (${smallReport.durationMs} ms)`);

    // 100k: the import measurement on the first rows, the rest bulk-inserted.
    const importCsv = csvOf(cases.slice(0, IMPORT_ROWS));
    const started = performance.now();
    const report = await createDirectoryServices(large.prisma).importer.importCsv(importCsv, { maxBytes: 200 * 1024 * 1024 });
    const importSeconds = (performance.now() - started) / 1000;
    const importRowsPerSec = Math.round(report.created / importSeconds);
    console.log(`import of ${IMPORT_ROWS} rows: ${report.summary} → ${importRowsPerSec} rows/s`);
    await insertCasesInBulk(large.prisma, cases.slice(IMPORT_ROWS));
    console.log(`${LARGE} cases in the large database`);
    const [small1k, large100k] = await measure(small, large);

    const round = (value: number) => Math.round(value * 10) / 10;
    console.log(
      JSON.stringify({
        p50_1k_ms: round(small1k.p50),
        p95_1k_ms: round(small1k.p95),
        p50_100k_ms: round(large100k.p50),
        p95_100k_ms: round(large100k.p95),
        ratio: round(large100k.p95 / small1k.p95),
        importRowsPerSec,
        large: LARGE,
        queries: QUERIES,
      }),
    );
  } finally {
    await small.drop();
    if (argv.includes('--keep')) console.error(`kept ${large.url}`);
    else await large.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
