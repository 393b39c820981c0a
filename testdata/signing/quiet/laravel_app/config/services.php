<?php

return [
    'stripe' => [
        'key' => env('STRIPE_KEY', 'pk_test'),
    ],
];
