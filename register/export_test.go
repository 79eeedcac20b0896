package register

// SetBeforeCommit lets the tests stop Take and Issue inside their transactions.
func SetBeforeCommit(f func(op string)) { beforeCommit = f }
