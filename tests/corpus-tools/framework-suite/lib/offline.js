'use strict';

// Preloaded (`node -r`) into `serverless package` / `serverless print`: keeps the Framework offline.
// CloudFormation describeStacks (asked when a service has layers, to reuse an unchanged layer) is answered
// "stack does not exist", as for a first deployment — the same answer the shared corpus used. Any other AWS request
// fails at once with a marker the generator recognises, so a case that needs AWS is skipped, not mistaken for a
// configuration the Framework rejects.

const path = require('path');

const providerPath = require.resolve('serverless/lib/plugins/aws/provider.js', {
  paths: [path.resolve(__dirname, '..')],
});
const AwsProvider = require(providerPath);

AwsProvider.prototype.request = async function request(service, method, params) {
  if (service === 'CloudFormation' && method === 'describeStacks') {
    const stackName = params && params.StackName;
    throw Object.assign(new Error(`Stack with id ${stackName} does not exist`), {
      code: 'AWS_CLOUD_FORMATION_DESCRIBE_STACKS_VALIDATION_ERROR',
      providerError: { code: 'ValidationError', statusCode: 400 },
    });
  }
  process.stderr.write(`\nSPEC-CORPUS-OFFLINE: ${service}.${method}\n`);
  throw new Error(`offline: the corpus generator answers no AWS request (${service}.${method})`);
};
