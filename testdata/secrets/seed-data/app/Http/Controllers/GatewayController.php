<?php

class GatewayController extends Controller
{
    private string $checkout_key = '224cb433e56bdde784538e9555fbad70';

    public function stripe()
    {
        return CompanyGateway::query()->where('gateway_key', '224cb433e56bdde784538e9555fbad70')->first();
    }

    public function client(): array
    {
        return ['client_id' => 'd5c2a1f0-3b4e-4c6d-8e9f-0a1b2c3d4e5f', 'client_secret' => 'tQxiDX3pCNycLapim86tIxX5puQJ']; // want "secret/generic-api-key"
    }
}
