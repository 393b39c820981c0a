import { ApiCheck, AssertionBuilder, Frequency, RetryStrategyBuilder } from 'checkly/constructs'
import { ops } from './alert-channels'

const base = process.env.PORTAL_URL ?? 'https://portal.example.com'

new ApiCheck('health', {
  name: 'GET /v1/health',
  request: {
    url: `${base}/v1/health`,
    method: 'GET',
    assertions: [AssertionBuilder.statusCode().equals(200)],
  },
  degradedResponseTime: 500,
  maxResponseTime: 2000,
})

new ApiCheck('invoices-refuse-anonymous', {
  name: 'GET /v1/invoices without a token',
  frequency: Frequency.EVERY_2M,
  retryStrategy: RetryStrategyBuilder.fixedStrategy({ maxRetries: 1, baseBacklogSeconds: 30 }),
  alertChannels: [ops],
  request: {
    url: 'https://portal.example.com/v1/invoices',
    method: 'GET',
    assertions: [AssertionBuilder.statusCode().equals(401)],
  },
})
