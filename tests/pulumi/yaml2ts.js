#!/usr/bin/env node
// yaml2ts.js (adapted from /work/shared/reference/recipes/pulumi-yaml2ts.js; adds fn::invoke): offline checker for a Pulumi YAML program (no pulumi CLI, no provider plugin). Parses with the YAML 1.2
//   core schema, checks top-level/resource/option keys, fn:: names and ${...} roots against pulumi-yaml's grammar, resolves
//   every `type:` token against the installed @pulumi/aws, then writes a TypeScript translation (with `// @yaml <path>` markers)
//   so that tsc --strict checks property names and types. Run: node pulumi-yaml2ts.js Pulumi.yaml program.ts (exit 1 = errors)
// Needs: npm packages @pulumi/aws@7.48.0 and @pulumi/pulumi@3.248.0 (brings js-yaml); tsc comes from pulumi-yaml-check.sh.
"use strict";
const fs = require("fs");
const path = require("path");
// resolve npm packages from the working directory (where node_modules is), falling back to this script's folder
const { createRequire } = require("module");
const cwdRequire = createRequire(path.join(process.cwd(), "noop.js"));
const load = (m) => { try { return cwdRequire(m); } catch { return require(m); } };
const resolve = (m) => { try { return cwdRequire.resolve(m); } catch { return require.resolve(m); } };
const yaml = load("js-yaml");

// ---- grammar (pkg/pulumiyaml/ast/template.go, ast/expr.go in pulumi/pulumi-yaml) ----
const TOP = ["name", "runtime", "description", "config", "configuration", "variables", "resources", "outputs", "pulumi", "packages"];
const RES = ["type", "name", "defaultProvider", "properties", "options", "get"];
const OPTS = ["additionalSecretOutputs", "aliases", "customTimeouts", "deleteBeforeReplace", "dependsOn", "ignoreChanges",
    "import", "parent", "protect", "provider", "providers", "version", "pluginDownloadURL", "replaceOnChanges",
    "retainOnDelete", "replaceWith", "deletedWith", "hideDiffs", "replacementTrigger", "envVarMappings"];
const FNS = ["fn::invoke", "fn::join", "fn::split", "fn::select", "fn::tojson", "fn::tobase64", "fn::frombase64",
    "fn::stackreference", "fn::secret", "fn::unsecret", "fn::readfile", "fn::stringasset", "fn::fileasset",
    "fn::remoteasset", "fn::filearchive", "fn::remotearchive", "fn::assetarchive"];
// ---- resource tokens from the installed SDK: 'aws:lambda/function:Function' -> aws.lambda.Function ----
const awsRoot = path.dirname(resolve("@pulumi/aws/package.json"));
const tokens = new Map();
const invokes = new Map(); // 'aws:ssm/getParameter:getParameter' -> aws.ssm.getParameterOutput
for (const dir of fs.readdirSync(awsRoot, { withFileTypes: true })) {
    const d = dir.isDirectory() ? path.join(awsRoot, dir.name) : null;
    const files = d ? fs.readdirSync(d).filter((f) => f.endsWith(".js")).map((f) => path.join(d, f))
        : dir.name.endsWith(".js") ? [path.join(awsRoot, dir.name)] : [];
    for (const f of files) {
        const m = /__pulumiType = '([^']+)'/.exec(fs.readFileSync(f, "utf8"));
        if (m) tokens.set(m[1], (d ? `aws.${dir.name}.` : "aws.") + m[1].split(":")[2]);
        const src = fs.readFileSync(f, "utf8");
        for (const im of src.matchAll(/invoke\("(aws:[^"]+)"/g)) {
            invokes.set(im[1], (d ? `aws.${dir.name}.` : "aws.") + im[1].split(":")[2] + "Output");
        }
    }
}
// pkg/pulumiyaml/README.md "Token Resolution": T; pkg:R -> pkg:index:R; pkg:mod:R -> pkg:mod/camel(R):R
function resolveToken(t, table = tokens) {
    const cands = [t];
    let p = t.split(":");
    if (p.length === 2) { p = [p[0], "index", p[1]]; cands.push(p.join(":")); }
    if (p.length === 3 && !p[1].includes("/")) cands.push(`${p[0]}:${p[1]}/${p[2][0].toLowerCase()}${p[2].slice(1)}:${p[2]}`);
    for (const c of cands) if (table.has(c)) return { canonical: c, cls: table.get(c) };
    return null;
}

let failed = false;
function checkOne(src, out) {
const doc = yaml.load(fs.readFileSync(src, "utf8"), { schema: yaml.CORE_SCHEMA });
const errors = [];
const err = (where, msg) => errors.push(`${src}: ${where}: ${msg}`);

for (const k of Object.keys(doc)) if (!TOP.includes(k)) err(k, `unknown top-level key (allowed: ${TOP.join(", ")})`);
if (doc.runtime !== "yaml" && !(doc.runtime && doc.runtime.name === "yaml")) err("runtime", "must be yaml");

// ---- names in scope ----
const config = doc.config ?? doc.configuration ?? {};
const variables = doc.variables ?? {};
const resources = doc.resources ?? {};
const ident = (kind, n) => `${kind}_${n.replace(/[^A-Za-z0-9_]/g, "_")}`;
function rootOf(name, where) {
    if (name === "pulumi") return "__pulumi";
    if (name in resources) return ident("r", name);
    if (name in variables) return ident("v", name);
    if (name in config || name.includes(":")) return ident("c", name);
    err(where, `\${${name}} does not name a resource, variable or config key`);
    return "undefined as never";
}

// ---- expressions ----
// property access: a.b["c"][0]  (resource names may contain '-', so take the longest declared prefix)
function access(text, where, deps) {
    const m = /^([^.[\]]+)(.*)$/.exec(text);
    const root = m[1];
    deps.add(root);
    const rest = m[2].replace(/\.([A-Za-z_$][\w$]*)/g, ".$1");
    return `${rootOf(root, where)}${rest}`;
}
function str(s, where, deps) {
    const parts = []; let lit = ""; let i = 0;
    while (i < s.length) {
        if (s.startsWith("$$", i)) { lit += "$"; i += 2; }
        else if (s.startsWith("${", i)) {
            const j = s.indexOf("}", i);
            if (j < 0) { err(where, "unterminated ${"); break; }
            parts.push({ lit, expr: access(s.slice(i + 2, j), where, deps) }); lit = ""; i = j + 1;
        } else { lit += s[i++]; }
    }
    if (parts.length === 0) return JSON.stringify(lit);
    if (parts.length === 1 && parts[0].lit === "" && lit === "") return parts[0].expr; // bare ${x}: typed value
    const esc = (t) => t.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${");
    return "pulumi.interpolate`" + parts.map((p) => esc(p.lit) + "${" + p.expr + "}").join("") + esc(lit) + "`";
}
function expr(v, where, deps, ind) {
    if (typeof v === "string") return str(v, where, deps);
    if (v === null || typeof v !== "object") return JSON.stringify(v);
    const pad = "    ".repeat(ind + 1), end = "    ".repeat(ind);
    if (Array.isArray(v)) return "[" + v.map((x, i) => expr(x, `${where}[${i}]`, deps, ind)).join(", ") + "]";
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0].toLowerCase().startsWith("fn::")) {
        const fn = keys[0].toLowerCase(), a = v[keys[0]], w = `${where}.${keys[0]}`;
        if (!FNS.includes(fn)) { err(w, `unknown builtin ${keys[0]}`); return "undefined as never"; }
        switch (fn) {
            case "fn::tojson": return `pulumi.jsonStringify(${expr(a, w, deps, ind)})`;
            case "fn::filearchive": return `new pulumi.asset.FileArchive(${expr(a, w, deps, ind)})`;
            case "fn::fileasset": return `new pulumi.asset.FileAsset(${expr(a, w, deps, ind)})`;
            case "fn::stringasset": return `new pulumi.asset.StringAsset(${expr(a, w, deps, ind)})`;
            case "fn::invoke": {
                const f = a && typeof a.function === "string" ? resolveToken(a.function, invokes) : null;
                if (!f) { err(w, `unknown function ${JSON.stringify(a && a.function)} (not in @pulumi/aws)`); return "undefined as never"; }
                for (const ik of Object.keys(a)) if (!["function", "arguments", "options", "return"].includes(ik)) err(`${w}.${ik}`, "unknown fn::invoke key");
                const call = `${f.cls}(${expr(a.arguments ?? {}, w, deps, ind)})`;
                return a.return ? `${call}.${a.return}` : call;
            }
            case "fn::secret": return `pulumi.secret(${expr(a, w, deps, ind)})`;
            case "fn::join": return `pulumi.all(${expr(a[1], w, deps, ind)}).apply((xs) => xs.join(${expr(a[0], w, deps, ind)}))`;
            case "fn::select": return `pulumi.output(${expr(a[1], w, deps, ind)}).apply((xs) => xs[${expr(a[0], w, deps, ind)}])`;
            default: err(w, `${keys[0]} is valid Pulumi YAML but not handled by this checker`); return "undefined as never";
        }
    }
    // markers let pulumi-yaml-check.sh map tsc line numbers back to YAML paths
    return "{\n" + keys.map((k) => `${pad}${JSON.stringify(k)}: ${expr(v[k], `${where}.${k}`, deps, ind + 1)}, // @yaml ${where}.${k}`).join("\n") + `\n${end}}`;
}

// ---- emit declarations, topologically sorted ----
const decls = new Map(); // scope name -> {code, deps}
for (const [k, c] of Object.entries(config)) {
    const key = k.includes(":") ? k : k; const t = c && c.type;
    const getter = t === "integer" || t === "number" ? "getNumber" : t === "boolean" ? "getBoolean" : t && t !== "string" ? "getObject<any>" : "get";
    const dflt = c && c.default !== undefined ? ` ?? ${JSON.stringify(c.default)}` : "";
    const req = dflt ? "" : "!"; // a missing config value without default fails at deploy time
    decls.set(k, { code: `const ${ident("c", k)} = __config.${getter}(${JSON.stringify(key)})${dflt}${req}; // @yaml config.${k}`, deps: new Set() });
}
for (const [k, v] of Object.entries(variables)) {
    const deps = new Set();
    decls.set(k, { code: `const ${ident("v", k)} = ${expr(v, `variables.${k}`, deps, 0)}; // @yaml variables.${k}`, deps });
}
const manifest = [];
for (const [k, r] of Object.entries(resources)) {
    const where = `resources.${k}`, deps = new Set();
    for (const rk of Object.keys(r ?? {})) if (!RES.includes(rk)) err(`${where}.${rk}`, `unknown resource key (allowed: ${RES.join(", ")})`);
    const tok = r && typeof r.type === "string" ? resolveToken(r.type) : null;
    if (!tok) { err(`${where}.type`, `unknown resource type ${JSON.stringify(r && r.type)} (not in @pulumi/aws)`); continue; }
    manifest.push({ name: k, type: r.type, canonical: tok.canonical });
    const opts = r.options ?? {};
    for (const ok of Object.keys(opts)) if (!OPTS.includes(ok)) err(`${where}.options.${ok}`, "unknown resource option");
    const props = expr(r.properties ?? {}, `${where}.properties`, deps, 0);
    const o = Object.keys(opts).length ? `, ${expr(opts, `${where}.options`, deps, 0)}` : "";
    decls.set(k, { code: `// @yaml ${where} (${tok.canonical})\nconst ${ident("r", k)} = new ${tok.cls}(${JSON.stringify(r.name ?? k)}, ${props}${o}); // @yaml ${where}`, deps });
}
const done = new Set(), order = [], visiting = new Set();
function visit(n) {
    if (done.has(n) || n === "pulumi" || !decls.has(n)) return;
    if (visiting.has(n)) { err(n, "dependency cycle"); return; }
    visiting.add(n); for (const d of decls.get(n).deps) visit(d); visiting.delete(n);
    done.add(n); order.push(decls.get(n).code);
}
for (const n of decls.keys()) visit(n);
const outs = Object.entries(doc.outputs ?? {}).map(([k, v]) =>
    `export const ${k} = ${expr(v, `outputs.${k}`, new Set(), 0)}; // @yaml outputs.${k}`);

fs.writeFileSync(out, [
    `// GENERATED from ${src} by pulumi-yaml2ts.js for offline type-checking; do not edit`,
    `import * as pulumi from "@pulumi/pulumi";`, `import * as aws from "@pulumi/aws";`,
    `const __config = new pulumi.Config();`,
    `const __pulumi = { stack: pulumi.getStack(), project: pulumi.getProject(), organization: pulumi.getOrganization(), cwd: process.cwd() };`,
    ...order, ...outs, ""].join("\n"));
fs.writeFileSync(out.replace(/\.ts$/, ".tokens.json"), JSON.stringify(manifest, null, 1));
console.log(`${src}: ${Object.keys(resources).length} resources, ${tokens.size} known aws tokens -> ${out}`);
for (const e of errors) console.error(e);
if (errors.length) failed = true;
}

// usage: node yaml2ts.js Pulumi.yaml program.ts [Pulumi2.yaml program2.ts ...]  (one process scans @pulumi/aws once)
const argv = process.argv.slice(2);
if (argv.length === 0) argv.push("Pulumi.yaml", "program.ts");
for (let i = 0; i < argv.length; i += 2) checkOne(argv[i], argv[i + 1] ?? argv[i].replace(/\.ya?ml$/, ".ts"));
process.exit(failed ? 1 : 0);
