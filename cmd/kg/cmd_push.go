package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newPushCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "push",
		Short: "(not yet built)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("push: not yet built")
		},
	}
}
