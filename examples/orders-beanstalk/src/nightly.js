'use strict';
// Runs on a schedule: logs the scheduled event's time.
exports.handler = async (event) => {
  console.log(`nightly run for ${event.time}`);
};
