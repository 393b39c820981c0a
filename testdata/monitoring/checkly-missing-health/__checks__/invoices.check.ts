import { ApiCheck, EmailAlertChannel, Frequency } from 'checkly/constructs'

const email = new EmailAlertChannel('email-ops', { address: 'ops@example.com' })

new ApiCheck('invoices', {
  name: 'invoices list',
  frequency: Frequency.EVERY_5M,
  alertChannels: [email],
  request: { url: 'https://portal.example.com/v1/invoices', method: 'GET' },
})
