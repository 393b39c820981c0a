import { PagerdutyAlertChannel, SlackAlertChannel } from 'checkly/constructs'

export const oncall = new PagerdutyAlertChannel('pagerduty-oncall', {
  serviceKey: process.env.PAGERDUTY_SERVICE_KEY!,
})

export const ops = new SlackAlertChannel('slack-ops', {
  url: new URL(process.env.SLACK_WEBHOOK_URL!),
  channel: '#ops',
})
