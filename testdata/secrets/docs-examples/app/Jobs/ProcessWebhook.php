<?php

class ProcessWebhook
{
    /*
    A sample payload:
    {
      "signature": {
        "token": "b8bed69e9f8ceab8feff2bc5d290aa2cb957593172d6e0c6a6",
        "timestamp": "1705376308"
      }
    }
    */
    private string $token = 'b8bed69e9f8ceab8feff2bc5d290aa2cb957593172d6e0c6a6'; // want "secret/generic-api-key"
}
