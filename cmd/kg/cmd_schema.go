package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newSchemaCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "(not yet built)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("schema: not yet built")
		},
	}
}
