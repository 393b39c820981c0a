package prodfile

// The word and folder lists IsProduction and IsTest consult. They are
// lowercase; names are lowercased before lookup.
var (
	prodWords = map[string]bool{"prod": true, "production": true}

	devWords = map[string]bool{
		"dev": true, "develop": true, "development": true, "local": true,
		"test": true, "testing": true, "example": true, "examples": true,
		"sample": true, "samples": true, "template": true, "tpl": true,
		"dist": true, "override": true, "ci": true, "e2e": true,
		"travis": true, "dusk": true, "playwright": true, "cypress": true,
	}

	devDirs = map[string]bool{
		"dev": true, "development": true, "local": true, ".devcontainer": true,
		"example": true, "examples": true, "sample": true, "samples": true,
		"testing": true, "ci": true, ".circleci": true,
	}

	// ciWords in a file's name say it configures a test or CI run
	// (.env.ci, .env.travis, .env.dusk.local, .env.testing).
	ciWords = map[string]bool{
		"ci": true, "travis": true, "dusk": true, "testing": true,
		"e2e": true, "circleci": true, "playwright": true, "cypress": true,
	}

	// composeDevWords in a Compose file's name say it runs the backing
	// services a developer's machine needs (docker-compose.infra.yml,
	// compose.deps.yaml), not the deployment.
	composeDevWords = map[string]bool{"infra": true, "deps": true, "dependencies": true}

	testWords = map[string]bool{"test": true, "tests": true}

	testDirs = map[string]bool{
		"test": true, "tests": true, "__tests__": true, "__mocks__": true,
		"spec": true, "testdata": true, "fixtures": true, "e2e": true,
	}

	deployDirs = map[string]bool{
		"k8s": true, "kubernetes": true, "openshift": true, "deploy": true,
		"deployment": true, "deployments": true, "helm": true, "charts": true,
		"manifests": true, "prod": true, "production": true,
	}

	platformFiles = map[string]bool{
		"fly.toml": true, "render.yaml": true, "app.yaml": true, "app.json": true,
		"vercel.json": true, "netlify.toml": true, "procfile": true,
		"heroku.yml": true, "railway.json": true, "railway.toml": true,
		"serverless.yml": true, "serverless.yaml": true,
	}

	// codeExts are the languages whose test files are named *.spec.* or
	// *_spec.*.
	codeExts = map[string]bool{
		".js": true, ".jsx": true, ".ts": true, ".tsx": true, ".mjs": true,
		".cjs": true, ".rb": true, ".coffee": true, ".py": true,
	}

	// classExts are the languages whose test classes end in Test, Tests or
	// IT by convention.
	classExts = map[string]bool{".java": true, ".kt": true, ".scala": true, ".cs": true}
)
