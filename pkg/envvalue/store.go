package envvalue

import "strings"

// Store kinds a password can belong to. StoreAny is a key that names a
// database without saying which (DB_PASSWORD, DATABASE_PASSWORD,
// SPRING_DATASOURCE_PASSWORD).
const (
	StoreAny      = "database"
	StorePostgres = "postgres"
	StoreMySQL    = "mysql"
	StoreMongo    = "mongo"
	StoreRedis    = "redis"
	StoreRabbitMQ = "rabbitmq"
	StoreSearch   = "elasticsearch"
	StoreObject   = "minio"
)

// storeWords are the words of a key that name the store its password
// opens.
var storeWords = map[string]string{
	"DB": StoreAny, "DATABASE": StoreAny, "DATASOURCE": StoreAny, "RDS": StoreAny,
	"POSTGRES": StorePostgres, "POSTGRESQL": StorePostgres, "PG": StorePostgres,
	"PGPASSWORD": StorePostgres, "PSQL": StorePostgres,
	"MYSQL": StoreMySQL, "MARIADB": StoreMySQL, "MARIA": StoreMySQL,
	"MONGO": StoreMongo, "MONGODB": StoreMongo,
	"REDIS": StoreRedis, "VALKEY": StoreRedis, "KEYDB": StoreRedis,
	"RABBITMQ": StoreRabbitMQ, "RABBIT": StoreRabbitMQ, "AMQP": StoreRabbitMQ,
	"ELASTIC": StoreSearch, "ELASTICSEARCH": StoreSearch, "OPENSEARCH": StoreSearch,
	"MINIO": StoreObject,
}

// StorePassword reports whether key names a password (PASSWORD, PASSWD,
// PASS, PWD, PW) of a secret that is not a signing or session secret, and
// which store the key names: a kind such as StorePostgres when a word of
// the key names one (MONGO_DB_PASSWORD is StoreMongo), StoreAny for DB_,
// DATABASE_ or DATASOURCE_ keys, "" when the key names no store
// (SMTP_PASSWORD, or a bare PASSWORD set on a database's own service).
// Words are split at "_", "-", "." and "__" (LISTMONK_db__password).
func StorePassword(key string) (kind string, ok bool) {
	k := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(strings.TrimSpace(key)))
	if !SecretName(k) || !password(k) || signing(k) {
		return "", false
	}
	for _, w := range strings.Split(k, "_") {
		switch s := storeWords[w]; {
		case s == "":
		case s != StoreAny:
			return s, true
		default:
			kind = s
		}
	}
	return kind, true
}

// addressWords end keys whose value says where a service is reached.
var addressWords = map[string]bool{"HOST": true, "HOSTNAME": true, "URL": true, "URI": true, "DSN": true, "ADDR": true, "ADDRESS": true, "SERVER": true}

// StoreAddress reports whether key names where a database, cache or
// broker is reached (DB_HOST, DATABASE_URL, REDIS_URL, MONGO_URI,
// POSTGRES_HOST), as opposed to its password or another service's
// address.
func StoreAddress(key string) bool {
	k := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(strings.TrimSpace(key)))
	words := strings.Split(k, "_")
	if len(words) < 2 || !addressWords[words[len(words)-1]] {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if storeWords[w] != "" {
			return true
		}
	}
	return false
}
