namespace NanoRemap.Tooling;
