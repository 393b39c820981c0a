variable "portal_url" {
  type    = string
  default = "https://portal.example.com"
}

resource "betterstack_uptime_monitor" "health" {
  url                 = "${var.portal_url}/healthz"
  monitor_type        = "status"
  check_frequency     = 180
  confirmation_period = 180
  email               = true
  sms                 = false
  call                = false
  push                = true
  request_headers = [
    {
      name  = "User-Agent"
      value = "uptime"
    },
  ]
  description = <<-EOT
    Health of the portal {not a block}
    EOT
}
