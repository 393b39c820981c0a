// Package testkit holds helpers shared by the tests of several packages:
// random values that stand in for secrets, files written under a folder,
// and git run without the machine's configuration. It is imported only by
// tests.
package testkit
