<?php

return new class extends Migration
{
    public function up(): void
    {
        $gateway = new Gateway();
        $gateway->key = '95f4bc6b526d639ede68b306ddc62d21';
        $gateway->client_secret = 'tQxiDX3pCNycLapim86tIxX5puQJ';
        $gateway->save();
    }
};
