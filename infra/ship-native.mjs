// Ships native builds a Lambda needs (sharp's linux-arm64 binding and libvips) beside its bundle,
// at exactly the version and integrity package-lock.json records, whatever machine synthesises
// the app. `npm ci` installs only the host's build (linux-x64 here and in CI), so the arm64 one
// comes from this project's node_modules when it is there (an arm64 machine), else from the
// registry through `npm pack` (npm's cache first: offline once fetched). A tarball whose
// integrity is not the lockfile's is refused and the synth stops.
// Usage: node infra/ship-native.mjs [--lockfile=<path>] <bundle dir> <package> ...
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const root = join(import.meta.dirname, '..');
const lockArg = args.find((a) => a.startsWith('--lockfile='));
const [outputDir, ...packages] = args.filter((a) => a !== lockArg);
const lock = JSON.parse(
  readFileSync(
    lockArg ? lockArg.slice('--lockfile='.length) : join(root, 'package-lock.json'),
    'utf8',
  ),
);

const versionAt = (dir) =>
  existsSync(join(dir, 'package.json'))
    ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
    : null;

/** The package's tarball from npm (its cache first), checked against the lockfile's integrity. */
function packed(name, version, integrity, into) {
  const tmp = mkdtempSync(join(tmpdir(), 'tonghop-native-'));
  try {
    execFileSync(
      'npm',
      ['pack', `${name}@${version}`, '--pack-destination', tmp, '--prefer-offline', '--silent'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const file = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!file) throw new Error(`${name}@${version}: npm pack gave no tarball`);
    const [algorithm, want] = integrity.split(/-(.*)/s);
    const got = createHash(algorithm)
      .update(readFileSync(join(tmp, file)))
      .digest('base64');
    if (got !== want)
      throw new Error(
        `${name}@${version}: integrity ${algorithm}-${got} is not package-lock.json's ${integrity}`,
      );
    mkdirSync(into, { recursive: true });
    execFileSync('tar', ['-xzf', join(tmp, file), '-C', into, '--strip-components=1']);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

for (const name of packages) {
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry?.version || !entry.integrity)
    throw new Error(`${name}: not in package-lock.json with an integrity`);
  const into = join(outputDir, 'node_modules', name);
  const local = join(root, 'node_modules', name);
  if (versionAt(local) === entry.version) cpSync(local, into, { recursive: true });
  else packed(name, entry.version, entry.integrity, into);
  if (versionAt(into) !== entry.version)
    throw new Error(`${name}: ${entry.version} was not shipped`);
}
