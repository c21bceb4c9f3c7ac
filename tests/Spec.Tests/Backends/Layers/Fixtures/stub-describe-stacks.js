'use strict';
// Offline oracle: answers CloudFormation.describeStacks as for a stack that was never deployed.
class StubDescribeStacks {
  constructor(serverless) {
    const provider = serverless.getProvider('aws');
    const request = provider.request.bind(provider);
    provider.request = async (service, method, params, options) => {
      if (service === 'CloudFormation' && method === 'describeStacks') {
        throw new Error(`Stack with id ${params.StackName} does not exist`);
      }
      return request(service, method, params, options);
    };
  }
}
module.exports = StubDescribeStacks;
