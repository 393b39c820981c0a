resource "datadog_synthetics_test" "health" {
  name    = "portal health"
  type    = "api"
  subtype = "http"
  status  = "live"
  message = <<-EOT
    Portal health is failing. Notify @pagerduty-portal and @slack-ops.
  EOT
  locations = ["aws:eu-central-1", "aws:us-east-1"]

  request_definition {
    method = "GET"
    url    = "https://portal.example.com/health"
  }

  assertion {
    type     = "statusCode"
    operator = "is"
    target   = "200"
  }

  options_list {
    tick_interval        = 60
    min_failure_duration = 120
    retry {
      count    = 2
      interval = 30000
    }
    monitor_options {
      renotify_interval = 120
    }
  }
}

resource "datadog_synthetics_test" "login_page" {
  name      = "login page"
  type      = "api"
  subtype   = "http"
  status    = "live"
  message   = "The login page is down."
  locations = ["aws:eu-central-1"]

  request_definition {
    method = "GET"
    url    = "https://portal.example.com/login"
  }

  options_list {
    tick_interval = 300
  }
}
