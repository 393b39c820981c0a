terraform {
  required_providers {
    uptimerobot = {
      source = "louy/uptimerobot"
    }
  }
}

resource "uptimerobot_alert_contact" "slack" {
  friendly_name = "Slack #ops"
  type          = "slack"
  value         = var.slack_webhook_url
}

# The health route, checked every five minutes.
resource "uptimerobot_monitor" "health" {
  friendly_name = "portal health"
  type          = "http"
  url           = "https://portal.example.com/health"
  interval      = 300

  alert_contact {
    id = uptimerobot_alert_contact.slack.id
  }
}

resource "uptimerobot_monitor" "status_page" {
  friendly_name = "status page"
  type          = "keyword"
  url           = "https://status.example.com/"
  keyword_type  = "not exists"
  keyword_value = "outage"
  interval      = 60
}
