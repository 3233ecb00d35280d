// This package is being built; its API arrives with its issue.
export {};
