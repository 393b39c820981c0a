<?php

return [
    'name' => env('APP_NAME', 'Portal'),
    'key' => env('APP_KEY'),
    // 'key' => env('APP_KEY', 'SomeRandomString'),
    'cipher' => 'AES-256-CBC',
];
