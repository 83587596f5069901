throw new Error("the acme licence key is missing");
