<?php

return [
    'name' => env('APP_NAME', 'Portal'),
    'env' => env('APP_ENV', 'production'),
    'url' => env('APP_URL', 'https://portal.acme.io'),
    'key' => env('APP_KEY', 'SomeRandomString'), // want "secret/laravel-app-key-literal"
    'cipher' => 'AES-256-CBC',
];
