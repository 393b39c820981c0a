package manifest

import (
	"strings"

	"github.com/launchgate/launchgate/pkg/prodfile"
)

// fileProduction reports whether the file at p configures production, as
// pkg/prodfile decides for every check.
func fileProduction(p string) bool { return prodfile.IsProduction(p) }

// kubernetesProduction reports whether a Kubernetes manifest at p is
// production: every manifest is, wherever it sits, unless its path says
// development, example or test (k8s/dev/, deployment.local.yaml). Asking
// prodfile about the same path inside a deploy folder gives exactly that.
func kubernetesProduction(p string) bool {
	return prodfile.IsProduction(p) || prodfile.IsProduction("deploy/"+strings.TrimPrefix(p, "/"))
}

// nonProductionWords in a GitHub environment or job name say it is not the
// production deployment.
var nonProductionWords = map[string]bool{
	"dev": true, "develop": true, "development": true, "staging": true,
	"stage": true, "preview": true, "review": true, "qa": true, "test": true,
	"tests": true, "testing": true, "ci": true, "local": true, "sandbox": true,
	"lint": true, "e2e": true,
}

// productionWords in a GitHub environment name say it is production.
var productionWords = map[string]bool{"prod": true, "production": true, "live": true}

// deployWords in a job's id or name say the job deploys.
var deployWords = map[string]bool{
	"deploy": true, "deployment": true, "release": true, "publish": true,
	"prod": true, "production": true, "ship": true, "rollout": true,
}

// nameWords splits an identifier into lowercase words at anything that is
// not a letter or digit.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// anyWord reports whether one of words is in set.
func anyWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// jobDeploys reports whether a workflow job deploys to production: its
// GitHub environment is named production, or, without an environment, its
// id or name says deploy or release and nothing says staging or test.
func jobDeploys(id, name, environment string) bool {
	if environment != "" {
		env := nameWords(environment)
		return anyWord(env, productionWords) && !anyWord(env, nonProductionWords)
	}
	words := append(nameWords(id), nameWords(name)...)
	return anyWord(words, deployWords) && !anyWord(words, nonProductionWords)
}
