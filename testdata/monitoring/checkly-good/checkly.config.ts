import { defineConfig } from 'checkly'
import { Frequency } from 'checkly/constructs'
import { oncall } from './__checks__/alert-channels'

export default defineConfig({
  projectName: 'Portal',
  logicalId: 'portal',
  checks: {
    // Every check runs each minute and pages on-call unless it says otherwise.
    frequency: Frequency.EVERY_1M,
    locations: ['eu-west-1', 'us-east-1'],
    alertChannels: [oncall],
    checkMatch: '**/__checks__/**/*.check.ts',
  },
})
