package main

import (
	"context"
	"fmt"
	"os"

	"github.com/kgraph/kg/schema"
	"github.com/spf13/cobra"
)

func newSchemaCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the default schema or check a schema file",
		Long: `The schema declares the entity types, their cues, the modality words and the
relation types kg extracts. Start from the embedded default:

  kg schema print > my.yaml      # edit it, then
  kg schema check my.yaml        # and build with
  kg build --schema my.yaml ARTICLES...`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("schema: unknown subcommand %q (want print or check)", args[0])
			}
			return usagef("schema: give a subcommand: print or check")
		},
		RunE: func(cmd *cobra.Command, args []string) error { return nil },
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "print",
			Short: "Write the embedded default schema (YAML) to standard output",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, args []string) error {
				return runSchemaPrint(cmd.Context(), g)
			},
		},
		&cobra.Command{
			Use:   "check FILE",
			Short: "Report each problem of a schema file as FILE:LINE: message",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				return runSchemaCheck(cmd.Context(), g, args[0])
			},
		},
	)
	return cmd
}

func runSchemaPrint(ctx context.Context, g *globals) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := g.stdout.Write(schema.DefaultYAML()); err != nil {
		return fmt.Errorf("schema: writing: %w", err)
	}
	return nil
}

func runSchemaCheck(ctx context.Context, g *globals, path string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	probs := schema.Check(path, data)
	if len(probs) == 0 {
		fmt.Fprintf(g.stdout, "%s: ok\n", path)
		return nil
	}
	for _, p := range probs {
		fmt.Fprintln(g.stdout, p.String())
	}
	return fmt.Errorf("schema: %s: %d problem(s)", path, len(probs))
}
