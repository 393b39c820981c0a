<?php

class PaymentGatewaysSeeder extends Seeder
{
    public function run(): void
    {
        $gateways = [
            ['id' => 1, 'name' => 'Stripe', 'provider' => 'Stripe', 'key' => '224cb433e56bdde784538e9555fbad70', 'fields' => '{}'],
            ['id' => 2, 'name' => 'PayPal', 'provider' => 'PayPal_Rest', 'key' => '1aa728ec5cf78ff25fec4dbcf5e3d10e', 'fields' => '{}'],
            ['id' => 3, 'name' => 'Square', 'provider' => 'Square', 'key' => '21b243ef4edea8eda47a16f039d79213', 'fields' => '{}'],
        ];
    }
}
