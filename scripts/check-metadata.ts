// npm run check:metadata — every offline check of the force-app tree (see scripts/lib/metadata).
// Prints one line per problem, naming the file, and exits non-zero if there is any.
import { checkMetadata } from './lib/metadata/index.js';
import { FORMULA_SOURCE_LIMIT } from './lib/metadata/formulas.js';

const report = await checkMetadata(process.cwd());
for (const problem of report.problems) console.error(`${problem.file}: ${problem.message}`);
const largest = report.largestFormulas[0];
console.log(
  `check:metadata: ${report.files} metadata files, ${report.components} components converted, ` +
    `${report.dataRecords} sample records checked` +
    (largest ? `; largest formula ${largest.length}/${FORMULA_SOURCE_LIMIT} characters (${largest.file})` : '')
);
if (report.problems.length > 0) {
  console.error(`check:metadata: ${report.problems.length} problem(s)`);
  process.exit(1);
}
