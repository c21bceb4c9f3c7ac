'use strict';
// The orders API: GET /orders/{id} and POST /orders (httpApi, payload 2.0), GET /health (http, payload 1.0).
exports.handler = async (event) => {
  if (event.version === '2.0' && event.routeKey === 'GET /orders/{id}') {
    return { statusCode: 200, body: JSON.stringify({ id: event.pathParameters.id, table: process.env.ORDERS_TABLE || null }) };
  }

  if (event.version === '2.0' && event.routeKey === 'POST /orders') {
    const order = JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body || '{}');
    return { statusCode: 201, body: JSON.stringify({ accepted: order }) };
  }

  if (event.httpMethod === 'GET' && event.resource === '/health') {
    return { statusCode: 200, body: 'ok' };
  }

  return { statusCode: 400, body: 'unexpected event' };
};
