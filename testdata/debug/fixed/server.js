const express = require("express");
const { graphqlHTTP } = require("express-graphql");
const schema = require("./schema");

const app = express();

app.use("/graphql", graphqlHTTP({ schema, graphiql: process.env.NODE_ENV === "development" }));

app.use((err, req, res, next) => {
  console.error(err.stack);
  res.status(500).json({
    message: "internal error",
  });
});

app.listen(process.env.PORT || 3000);
