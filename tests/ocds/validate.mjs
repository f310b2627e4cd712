// Validates OCDS 1.1 JSON files against the official schemas with an independent validator
// (Ajv, JSON Schema draft-04), so samspill's export is not checked only by its own code.
//
// Usage: node validate.mjs [--release] [--shared-dir DIR] PATH...
//   PATH       a .json file, or a directory whose *.json files are all validated
//   --release  the files are bare releases (default: release packages)
//   --shared-dir  the shared data folder; default $SAMSPILL_SHARED_DIR, else <checkout>/../shared
//
// Schemas: data/ocds/schema/ocds-1.1.5/release-package-schema.json and release-schema.json, with
// the bids extension (schema/extensions/bids/v1.1.5/release-schema.json) applied to the release
// schema as a JSON Merge Patch (RFC 7386), which is how OCDS extensions extend the core schema.
// Prints every error with its instance path. Exit status: 0 when every file is valid, 1 when any
// file is invalid or unreadable, 2 for a usage error (including no JSON file found).
// Written for Node 18 (Debian 12): no JSON import attributes, no newer built-ins.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));

function usage(message) {
  console.error(`validate.mjs: ${message}`);
  console.error('usage: node validate.mjs [--release] [--shared-dir DIR] PATH...');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { release: false, sharedDir: process.env.SAMSPILL_SHARED_DIR || '', paths: [] };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === '--release') {
      args.release = true;
    } else if (arg === '--shared-dir') {
      if (i + 1 >= argv.length) usage('--shared-dir needs a folder');
      args.sharedDir = argv[++i];
    } else if (arg.startsWith('--')) {
      usage(`unknown option ${arg}`);
    } else {
      args.paths.push(arg);
    }
  }
  if (!args.sharedDir) args.sharedDir = path.resolve(here, '..', '..', '..', 'shared');
  if (args.paths.length === 0) usage('no file or folder given');
  return args;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// RFC 7386 JSON Merge Patch: objects merge key by key, null deletes, anything else (arrays
// included) replaces.
function mergePatch(target, patch) {
  if (!isObject(patch)) return patch;
  const result = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = mergePatch(result[key], value);
    }
  }
  return result;
}

function loadValidators(sharedDir) {
  const schemaDir = path.join(sharedDir, 'data', 'ocds', 'schema');
  const coreDir = path.join(schemaDir, 'ocds-1.1.5');
  const bidsPatchFile = path.join(schemaDir, 'extensions', 'bids', 'v1.1.5', 'release-schema.json');
  for (const file of [coreDir, bidsPatchFile]) {
    if (!fs.existsSync(file)) {
      console.error(`validate.mjs: ${file} not found: the shared data must sit beside the ` +
                    'checkout, or set SAMSPILL_SHARED_DIR');
      process.exit(2);
    }
  }
  // The patched schema keeps the core schema's id, so the package schema's
  // "$ref": ".../1__1__5/release-schema.json" resolves to the extended release schema.
  const releaseSchema = mergePatch(readJson(path.join(coreDir, 'release-schema.json')),
                                   readJson(bidsPatchFile));
  const packageSchema = readJson(path.join(coreDir, 'release-package-schema.json'));

  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  // OCDS metadata keywords: they annotate the schema and constrain nothing.
  ajv.addVocabulary(['codelist', 'openCodelist', 'omitWhenMerged', 'wholeListMerge', 'deprecated',
                     'versionId']);
  ajv.addSchema(releaseSchema);
  return {
    release: ajv.getSchema(releaseSchema.id),
    package: ajv.compile(packageSchema),
  };
}

function listFiles(paths) {
  const files = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) usage(`${p} does not exist`);
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.endsWith('.json')) files.push(path.join(p, name));
      }
    } else {
      files.push(p);
    }
  }
  if (files.length === 0) usage(`no .json file in ${paths.join(' ')}`);
  return files;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const validators = loadValidators(args.sharedDir);
  const validate = args.release ? validators.release : validators.package;
  const kind = args.release ? 'release' : 'release package';
  let failed = 0;
  const files = listFiles(args.paths);
  for (const file of files) {
    let data;
    try {
      data = readJson(file);
    } catch (err) {
      console.log(`FAIL ${file}: not JSON: ${err.message}`);
      ++failed;
      continue;
    }
    if (validate(data)) {
      console.log(`ok   ${file}`);
      continue;
    }
    ++failed;
    console.log(`FAIL ${file}: not a valid OCDS 1.1 ${kind} (${validate.errors.length} errors)`);
    for (const e of validate.errors) {
      const where = e.instancePath || '/';
      console.log(`  ${where}: ${e.message} ${JSON.stringify(e.params)} [${e.schemaPath}]`);
    }
  }
  console.log(`${files.length - failed} of ${files.length} files valid`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
