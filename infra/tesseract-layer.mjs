// Builds the OCR function's native Tesseract layer from Debian bookworm's arm64 packages
// (tesseract-ocr, libtesseract5, liblept5, tesseract-ocr-vie/eng/osd and the libraries they
// depend on), whatever machine synthesises the app: apt runs in a private root of its own (no
// change to the machine's apt), checks every package against Debian's signed index, and the
// packages are unpacked with dpkg-deb. The layer holds
//   tesseract/bin/tesseract, tesseract/lib/*.so* with ld-linux-aarch64.so.1 (its loader),
//   tesseract/tessdata (TESSDATA_PREFIX: vie, eng, osd and the tsv config), tesseract/MANIFEST.
// Debian's glibc is shipped with its loader, which runs the program (TONGHOP_TESSERACT_LOADER):
// bookworm's libarchive, libstdc++ and libexpat need GLIBC_2.35–2.36, newer than the Lambda
// runtime's (Amazon Linux 2023, 2.34), and the function's Node keeps its own. Only the libraries
// the program loads are kept (its DT_NEEDED closure, by readelf); each must be aarch64.
// Needs a Debian or Ubuntu machine (apt-get, apt-cache, dpkg-deb, readelf) and the network.
// Usage: node infra/tesseract-layer.mjs <layer dir>
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SUITE = 'bookworm';
export const MIRROR = 'http://deb.debian.org/debian';
export const PACKAGES = [
  'tesseract-ocr',
  'libtesseract5',
  'liblept5',
  'tesseract-ocr-vie',
  'tesseract-ocr-eng',
  'tesseract-ocr-osd',
];
/** Packages of the dependency closure that hold no library the program loads. */
const NOT_SHIPPED = new Set(['libc-bin', 'gcc-12-base', 'debconf', 'dpkg', 'perl-base']);
const EM_AARCH64 = 183;

/** apt-get/apt-cache in a private root for arm64: the machine's own apt is left as it is. */
function aptRoot() {
  const root = mkdtempSync(join(tmpdir(), 'tonghop-apt-arm64-'));
  for (const d of [
    'etc/apt/preferences.d',
    'var/lib/apt/lists/partial',
    'var/cache/apt/archives/partial',
    'var/lib/dpkg',
  ])
    mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'var/lib/dpkg/status'), '');
  const keyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
  if (!existsSync(keyring)) throw new Error(`${keyring} missing: install debian-archive-keyring`);
  writeFileSync(
    join(root, 'etc/apt/sources.list'),
    `deb [arch=arm64 signed-by=${keyring}] ${MIRROR} ${SUITE} main\n`,
  );
  const options = [
    `Dir::Etc=${join(root, 'etc/apt')}`,
    `Dir::Etc::sourceparts=${join(root, 'etc/apt/sources.list.d')}`,
    `Dir::State=${join(root, 'var/lib/apt')}`,
    `Dir::State::status=${join(root, 'var/lib/dpkg/status')}`,
    `Dir::Cache=${join(root, 'var/cache/apt')}`,
    'APT::Architecture=arm64',
    'APT::Architectures::=arm64',
    'Debug::NoLocking=1',
  ].flatMap((o) => ['-o', o]);
  const apt = (tool, args, cwd) =>
    execFileSync(tool, [...options, ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  return { root, apt };
}

/** The packages and every library package they need, recursively (recommends left out). */
export function closure(dependsOutput) {
  const names = new Set();
  for (const line of dependsOutput.split('\n'))
    if (/^[a-z0-9][a-z0-9+.-]*(:arm64)?$/.test(line.trim()) && !line.startsWith(' '))
      names.add(line.trim().replace(/:arm64$/, ''));
  return [...names].filter((n) => !NOT_SHIPPED.has(n)).sort();
}

const isElf = (b) => b.length > 20 && b.readUInt32BE(0) === 0x7f454c46;

function build(layerDir) {
  const { root, apt } = aptRoot();
  try {
    apt('apt-get', ['update', '-q']);
    const depends = apt('apt-cache', [
      'depends',
      '--recurse',
      '--no-recommends',
      '--no-suggests',
      '--no-conflicts',
      '--no-breaks',
      '--no-replaces',
      '--no-enhances',
      ...PACKAGES,
    ]);
    const packages = closure(depends);
    const debs = join(root, 'debs');
    mkdirSync(debs);
    // apt checks each file against the hashes of Debian's signed index before keeping it.
    apt('apt-get', ['download', '-q', ...packages], debs);
    const tree = join(root, 'tree');
    const manifest = [];
    for (const deb of readdirSync(debs)
      .filter((f) => f.endsWith('.deb'))
      .sort()) {
      execFileSync('dpkg-deb', ['-x', join(debs, deb), tree]);
      manifest.push(deb);
    }
    lay(tree, join(layerDir, 'tesseract'), manifest);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const LIB_DIRS = ['lib/aarch64-linux-gnu', 'usr/lib/aarch64-linux-gnu'];
const LOADER = 'ld-linux-aarch64.so.1';

/** The shared libraries an ELF file names (DT_NEEDED), read with binutils' readelf. */
const neededBy = (file) =>
  [
    ...execFileSync('readelf', ['-d', file], { encoding: 'utf8' }).matchAll(
      /\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g,
    ),
  ].map((m) => m[1]);

/**
 * The unpacked packages laid out as the layer: the program, the libraries it needs (followed
 * from its DT_NEEDED entries, nothing else of the packages), Debian's own glibc and loader,
 * which runs it, and the models; every binary checked to be aarch64.
 */
function lay(tree, out, manifest) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'bin'), { recursive: true });
  mkdirSync(join(out, 'lib'), { recursive: true });
  const find = (name) => LIB_DIRS.map((d) => join(tree, d, name)).find((f) => existsSync(f));
  cpSync(join(tree, 'usr/bin/tesseract'), join(out, 'bin/tesseract'));
  const queue = [join(out, 'bin/tesseract')];
  const shipped = new Set([LOADER]);
  while (queue.length)
    for (const name of neededBy(queue.shift())) {
      if (shipped.has(name)) continue;
      const from = find(name);
      if (!from) throw new Error(`layer: ${name} is in none of the packages`);
      cpSync(from, join(out, 'lib', name), { dereference: true });
      shipped.add(name);
      queue.push(join(out, 'lib', name));
    }
  const loader = find(LOADER);
  if (!loader) throw new Error(`layer: ${LOADER} missing (libc6)`);
  cpSync(loader, join(out, 'lib', LOADER), { dereference: true });
  cpSync(join(tree, 'usr/share/tesseract-ocr/5/tessdata'), join(out, 'tessdata'), {
    recursive: true,
    dereference: true,
  });
  for (const f of ['vie.traineddata', 'eng.traineddata', 'osd.traineddata', 'configs/tsv'])
    if (!existsSync(join(out, 'tessdata', f))) throw new Error(`layer: tessdata/${f} missing`);
  for (const file of [
    join(out, 'bin/tesseract'),
    ...[...shipped].map((f) => join(out, 'lib', f)),
  ]) {
    const bytes = readFileSync(file);
    if (!isElf(bytes) || bytes.readUInt16LE(18) !== EM_AARCH64)
      throw new Error(`layer: ${file} is not an aarch64 ELF file`);
  }
  writeFileSync(join(out, 'MANIFEST'), `${manifest.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [layerDir] = process.argv.slice(2);
  if (!layerDir) throw new Error('usage: node infra/tesseract-layer.mjs <layer dir>');
  build(layerDir);
}
