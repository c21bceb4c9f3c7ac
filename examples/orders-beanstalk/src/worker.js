'use strict';
// Processes one job per record; a record whose body says {"fail": true} is reported as a failed item.
const fs = require('fs');
const path = require('path');

exports.handler = async (event) => {
  const failures = [];
  for (const record of event.Records) {
    const job = JSON.parse(record.body);
    if (job.fail) {
      failures.push({ itemIdentifier: record.messageId });
      continue;
    }

    if (process.env.JOB_LOG) fs.appendFileSync(path.join(process.env.JOB_LOG), `${record.messageId} ${record.body}\n`);
  }

  return { batchItemFailures: failures };
};
