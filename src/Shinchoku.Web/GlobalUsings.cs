// Core's target kind is the one the entities store and the rules read; the alias keeps Core's Indicator out of the app's namespaces.
global using TargetKind = Shinchoku.Core.Rules.TargetKind;
