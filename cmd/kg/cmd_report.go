package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newReportCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "report",
		Short: "(not yet built)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("report: not yet built")
		},
	}
}
