// dryrun.ts: runs generated Pulumi TypeScript programs under Pulumi's test mocks (no CLI, no engine, no AWS provider
//   plugin, no network) and writes, per program, the registered resources (type token, name, inputs), the invokes and the
//   stack outputs as JSON. Adapted from /work/shared/reference/recipes/pulumi-dryrun.ts (see pulumi.md §3 for the pitfalls).
// Run (after tsc has compiled this file and the programs into bin/):
//   node bin/dryrun.js one <programModule> <out.json> <project> <stack>   one program in this process
//   node bin/dryrun.js batch <manifest.json>                              the manifest's programs in sequence, in this process
//   node bin/dryrun.js all <manifest.json> [parallelism]                  the manifest split over `parallelism` batch processes
//        manifest: [{ "program", "out", "project", "stack" }]
// Exit 1 when a program fails or registers nothing.
import * as pulumi from "@pulumi/pulumi";
import * as fs from "node:fs";
import * as path from "node:path";
import { fork } from "node:child_process";

type Rec = { type: string; name: string; custom: boolean; inputs: unknown; dependencies: string[] };
type Job = { program: string; out: string; project: string; stack: string };

const region = process.env.DRYRUN_REGION ?? "us-east-1";
const account = "123456789012";

// Assets and archives arrive as SDK objects whose fields are Promises: resolve them (pitfall 6).
async function plain(v: unknown): Promise<unknown> {
    if (pulumi.asset.Asset.isInstance(v) || pulumi.asset.Archive.isInstance(v)) {
        const o: Record<string, unknown> = { __kind: v.constructor.name };
        for (const k of ["path", "text", "uri", "assets"]) {
            const f = (v as unknown as Record<string, unknown>)[k];
            if (f !== undefined) o[k] = await plain(await f);
        }
        return o;
    }
    if (Array.isArray(v)) return Promise.all((v as unknown[]).map(plain));
    if (v && typeof v === "object") {
        const o: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) o[k] = await plain(x);
        return o;
    }
    return v;
}

// Fake computed outputs that other resources interpolate (pitfall 5): every resource gets the attributes the
// generated programs read, so no interpolation sees `undefined`.
function fakeState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
    const mod = type.split(":")[1]?.split("/")[0] ?? "x";
    const physical = typeof inputs.name === "string" ? inputs.name : `${name}-mock`;
    const state: Record<string, unknown> = {
        ...inputs,
        name: physical,
        arn: `arn:aws:${mod}:${region}:${account}:${physical}`,
        qualifiedArn: `arn:aws:${mod}:${region}:${account}:${physical}:1`,
        version: "1",
        invokeArn: `arn:aws:apigateway:${region}:lambda:path/functions/${physical}/invocations`,
        executionArn: `arn:aws:execute-api:${region}:${account}:${name}`,
        apiEndpoint: `https://${name}.execute-api.${region}.amazonaws.com`,
        invokeUrl: `https://${name}.execute-api.${region}.amazonaws.com/`,
        rootResourceId: `${name}-root`,
        url: `https://sqs.${region}.amazonaws.com/${account}/${physical}`,
        bucket: typeof inputs.bucket === "string" ? inputs.bucket : `${name}-bucket`,
        bucketDomainName: `${name}.s3.amazonaws.com`,
        streamArn: `arn:aws:dynamodb:${region}:${account}:table/${physical}/stream/1`,
        functionUrl: `https://${name}.lambda-url.${region}.on.aws/`,
    };
    if (type === "aws:cloudformation/stack:Stack" && typeof inputs.templateBody === "string") {
        const outputs: Record<string, string> = {};
        const template = JSON.parse(inputs.templateBody) as { Outputs?: Record<string, unknown> };
        for (const key of Object.keys(template.Outputs ?? {})) outputs[key] = `${name}-output-${key}`;
        state.outputs = outputs;
    }
    return state;
}

function invokeResult(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: account, arn: `arn:aws:iam::${account}:user/mock`, userId: "mock", id: account };
        case "aws:index/getRegion:getRegion":
            return { region, name: region, endpoint: `ec2.${region}.amazonaws.com`, description: region, id: region };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
        case "aws:ssm/getParameter:getParameter":
            return { ...inputs, value: `ssm:${String(inputs.name)}`, insecureValue: `ssm:${String(inputs.name)}`, type: "String", version: 1, arn: "arn", id: String(inputs.name) };
        case "aws:lambda/getLayerVersion:getLayerVersion":
            return { ...inputs, version: 1, arn: `arn:aws:lambda:${region}:${account}:layer:${String(inputs.layerName)}:1`, id: String(inputs.layerName) };
        case "aws:cloudformation/getExport:getExport":
            return { ...inputs, value: `export:${String(inputs.name)}`, id: String(inputs.name) };
        default:
            return inputs;
    }
}

async function runOne(job: Job): Promise<void> {
    const recorded: Rec[] = [];
    const calls: { token: string; inputs: unknown }[] = [];
    await pulumi.runtime.setMocks(
        {
            async newResource(args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
                recorded.push({ type: args.type, name: args.name, custom: args.custom ?? true, inputs: await plain(args.inputs), dependencies: [] });
                return { id: `${args.name}-id`, state: fakeState(args.type, args.name, args.inputs as Record<string, unknown>) };
            },
            call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
                calls.push({ token: args.token, inputs: args.inputs });
                return invokeResult(args.token, args.inputs as Record<string, unknown>);
            },
        },
        job.project, job.stack, false /* preview=false: outputs must resolve (pitfall 5) */, "spec", // organization: pitfall 3
    );
    // Import AFTER setMocks: resources register as a side effect of module evaluation.
    const program = require(path.resolve(job.program)) as Record<string, unknown>;
    const outputs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(program)) {
        outputs[k] = pulumi.Output.isInstance(v) ? await new Promise((resolve) => v.apply(resolve)) : v;
    }
    await pulumi.runtime.disconnect(); // drains outstanding registrations
    if (recorded.length === 0) throw new Error(`${job.program}: no resources registered`);
    recorded.sort((a, b) => (a.type + "\u0000" + a.name).localeCompare(b.type + "\u0000" + b.name)); // pitfall 7
    calls.sort((a, b) => a.token.localeCompare(b.token));
    fs.writeFileSync(job.out, JSON.stringify({ project: job.project, stack: job.stack, resources: recorded, calls, outputs }, null, 1));
}

// Runs a list of programs one after another in THIS process: setMocks installs a fresh mock monitor per program
// (as Pulumi's own unit tests do across test files), which saves a node start and the @pulumi/aws load per program.
async function runBatch(jobs: Job[]): Promise<string[]> {
    const failures: string[] = [];
    for (const job of jobs) {
        try {
            await runOne(job);
        } catch (e) {
            console.error(`${job.program}: ${String(e instanceof Error ? e.stack ?? e.message : e)}`);
            failures.push(job.program);
        }
    }
    return failures;
}

async function runAll(manifestPath: string, parallelism: number): Promise<void> {
    const jobs = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Job[];
    const n = Math.max(1, Math.min(parallelism, jobs.length));
    const codes = await Promise.all(Array.from({ length: n }, (_, w) => new Promise<number>((resolve) => {
        const slice = jobs.filter((_, i) => i % n === w);
        const sliceFile = `${manifestPath}.${w}`;
        fs.writeFileSync(sliceFile, JSON.stringify(slice));
        const child = fork(__filename, ["batch", sliceFile], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
        child.on("exit", (c) => resolve(c ?? 1));
    })));
    const missing = jobs.filter((j) => !fs.existsSync(j.out)).map((j) => j.program);
    if (codes.some((c) => c !== 0) || missing.length > 0) {
        console.error(`dry run failed for: ${missing.join(", ")}`);
        process.exit(1);
    }
    console.log(`dry run: ${jobs.length} programs in ${n} processes`);
}

const [mode, a, b, c, d] = process.argv.slice(2);
const main = mode === "all"
    ? runAll(a ?? "manifest.json", Number(b ?? "2"))
    : mode === "batch"
    ? runBatch(JSON.parse(fs.readFileSync(a ?? "manifest.json", "utf8")) as Job[]).then((f) => { if (f.length > 0) process.exit(1); })
    : runOne({ program: a ?? "./index", out: b ?? "resources.json", project: c ?? "project", stack: d ?? "dev" });
main.catch((e: unknown) => { console.error(e); process.exit(1); });
