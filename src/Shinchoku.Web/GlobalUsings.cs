// Core's types that the app's namespaces read everywhere; aliases, so that Core's Indicator stays out of them.
global using IndicatorYear = Shinchoku.Core.Rules.IndicatorYear;
global using TargetKind = Shinchoku.Core.Rules.TargetKind;
